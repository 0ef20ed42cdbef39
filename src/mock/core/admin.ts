/**
 * The admin API under `/__admin/`, routed from its own document (`openapi/mock-admin.yaml`, through
 * generated/mock-admin-routes.ts) and checked with its precompiled validators. Each operation is one of the
 * mock's controls (`controls.ts`), given the mock's state, never the mock.
 */
import { type AdminOperationId, adminRoutes } from "../../../generated/mock-admin-routes.js";
import { parseJsonObject } from "../../contract/json-body.js";
import { fillPath, pathMatcher } from "../../contract/path-template.js";
import { isProvider, type Provider, providerNames } from "../../contract/providers.js";
import type { Violation } from "../../contract/violations.js";
import { addCheckedFault, createControls, type MockControls } from "./controls.js";
import type { Answer, BodyReading, Exchange } from "./exchange.js";
import type { MockState } from "./state.js";
import { bodyNotJson, foreignOrigin, integerParam } from "./admin-guards.js";
import { JOURNAL_DEFAULT_PAGE, JOURNAL_PAGE_LIMIT } from "./journal.js";

const JSON_HEADERS = { "content-type": "application/json" } as const;
const MAX_ADMIN_BODY_BYTES = 16 * 1024;
const utf8 = new TextDecoder();

/** Whether a request path is the admin API's. */
export const isAdminPath = (path: string) => path === "/__admin" || path.startsWith("/__admin/");

interface Routed {
  operationId: AdminOperationId;
  params: Record<string, string>;
  query: URLSearchParams;
}

const routes = adminRoutes.map((route) => ({ ...route, match: pathMatcher(route.path) }));

/** An admin path and method against the document's routes. */
function routeOf(method: string, path: string, target: string): Routed | { status: 404 | 405; allow?: string } {
  const parts = path.split("/");
  const allowed: string[] = [];
  for (const route of routes) {
    const params = route.match(parts);
    if (params === undefined) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const queryStart = target.indexOf("?");
    return { operationId: route.operationId, params, query: new URLSearchParams(queryStart === -1 ? "" : target.slice(queryStart + 1)) };
  }
  return allowed.length > 0 ? { status: 405, allow: allowed.join(", ") } : { status: 404 };
}

function answer(status: number, body?: unknown, headers: Record<string, string> = {}): Answer {
  return body === undefined
    ? { status, headers, body: "" }
    : { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

const adminError = (status: number, message: string, violations: Violation[] = [], headers: Record<string, string> = {}) =>
  answer(status, { message, violations }, headers);

function providerParam(query: URLSearchParams): Provider | undefined | Violation {
  const value = query.get("provider");
  if (value === null) return undefined;
  if (isProvider(value)) return value;
  const expected = `one of ${providerNames.join(", ")}`;
  return { code: "invalid_enum", path: "provider", message: `must be ${expected}`, expected, received: JSON.stringify(value.slice(0, 80)) };
}

export class AdminApi {
  readonly #state: MockState;
  readonly controls: MockControls;

  constructor(state: MockState) {
    this.#state = state;
    this.controls = createControls(state);
  }

  /** Answers an admin request (`path` is its target's path, starting `/__admin`). */
  handle(exchange: Exchange, path: string): void {
    const foreign = foreignOrigin(exchange.headers);
    if (foreign !== undefined) {
      exchange.respond(adminError(403, `The admin API answers its user only: ${foreign}.`));
      return;
    }
    const notJson = bodyNotJson(exchange.headers);
    if (notJson !== undefined) {
      exchange.respond(adminError(415, "The body is not JSON.", [notJson]));
      return;
    }
    const routed = routeOf(exchange.method, path === "/__admin/" ? "/__admin" : path, exchange.target);
    if ("status" in routed) {
      const message =
        routed.status === 405 ? `${exchange.method} is not allowed on ${path}` : `No admin operation at ${path.slice(0, 200)}`;
      exchange.respond(adminError(routed.status, message, [], routed.allow ? { allow: routed.allow } : {}));
    } else if (routed.operationId === "addFault") {
      exchange.readBody((body) => exchange.respond(this.#addFault(body)));
    } else {
      exchange.respond(this.#operate(routed));
    }
  }

  #addFault(body: BodyReading): Answer {
    if (!body.ok || body.bytes.length > MAX_ADMIN_BODY_BYTES) {
      return adminError(body.ok || body.reason === "tooLarge" ? 413 : 400, "The body could not be read whole.");
    }
    const parsed = parseJsonObject(utf8.decode(body.bytes));
    if (!parsed.ok) return adminError(400, "The body is not a JSON object.", parsed.errors);
    const result = addCheckedFault(this.#state, parsed.value);
    if (!result.ok) return adminError(400, "The body is not a fault this mock can play.", result.violations);
    return answer(201, result.fault);
  }

  #operate({ operationId, params, query }: Routed): Answer {
    const { controls } = this;
    switch (operationId) {
      case "adminIndex":
        return answer(200, {
          operations: adminRoutes.map(({ operationId, method, path, summary }) => ({ operationId, method, path, summary })),
        });
      case "listRequests":
        return this.#journalPage(query);
      case "clearRequests":
        controls.clearRequests();
        return answer(204);
      case "reset":
        controls.reset();
        return answer(204);
      case "listFaults":
        return answer(200, { faults: controls.faults() });
      case "clearFaults":
        controls.clearFaults();
        return answer(204);
      case "endConference":
      case "leaveConference":
        return this.#complete(operationId, params, query);
      case "addFault":
        return adminError(400, "A fault needs a body.");
    }
  }

  /** A page of the journal, as `limit` and `since` ask. */
  #journalPage(query: URLSearchParams): Answer {
    const limit = integerParam(query, "limit", { min: 1, max: JOURNAL_PAGE_LIMIT, fallback: JOURNAL_DEFAULT_PAGE });
    const since = integerParam(query, "since", { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const problems = [limit, since].filter((value): value is Violation => typeof value === "object");
    if (problems.length > 0) return adminError(400, "A query parameter is not one this operation takes.", problems);
    return answer(200, this.#state.journal.page(limit as number, since as number));
  }

  /** Ends a conference, or makes one participant leave it. */
  #complete(operationId: "endConference" | "leaveConference", params: Record<string, string>, query: URLSearchParams): Answer {
    const provider = providerParam(query);
    if (typeof provider === "object") return adminError(400, "The provider is not one of this mock's.", [provider]);
    const conference = params.conferenceSid!;
    const count =
      operationId === "endConference"
        ? this.controls.endConference(conference, provider)
        : this.controls.leaveConference(conference, params.callSid!, provider);
    if (count === 0) {
      const what =
        operationId === "endConference" ? `conference ${conference}` : `participant ${params.callSid} in conference ${conference}`;
      return adminError(404, `No ${what}${provider ? ` for ${provider}` : ""}.`);
    }
    return answer(200, { participants: count });
  }
}

/** The admin URL of an operation, for banners and docs: `/__admin/requests`. */
export const adminPath = (operationId: AdminOperationId, params: Record<string, string> = {}) =>
  fillPath(adminRoutes.find((r) => r.operationId === operationId)!.path, (name) => params[name] ?? `{${name}}`);
