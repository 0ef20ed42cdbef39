/**
 * The admin API under `/__admin/`, routed from its own document (`openapi/mock-admin.yaml`, through
 * generated/mock-admin-routes.ts) and checked with its precompiled validators. Each operation is a method of
 * `MockControls`, which the in-process handles (`startMockServer()`, `createMswHandlers()`) expose as they are.
 */
import type { components } from "../../generated/mock-admin-types.js";
import { type AdminOperationId, adminRoutes } from "../../generated/mock-admin-routes.js";
import { validators } from "../../generated/mock-admin-validators.js";
import { parseJsonObject } from "../contract/json-body.js";
import { isProvider, type Provider, providerNames } from "../contract/providers.js";
import { toViolations, type Violation } from "../contract/violations.js";
import type { FaultRequest } from "./faults.js";
import type { JournalEntry } from "./journal.js";
import type { BodyReading, MockAnswer, MockApi, MockRequest, Reception } from "./mock-api.js";
import { fillPath } from "../contract/paths.js";

type Schemas = components["schemas"];
export type Fault = Schemas["Fault"];

/** The mock's controls, in-process: the same operations as the admin API, typed from its document. */
export interface MockControls {
  /** The journal, oldest first. */
  requests(): JournalEntry[];
  clearRequests(): void;
  /** Participants back to the fixtures; journal and faults cleared. */
  reset(): void;
  /** Adds a fault for the next matching updates; throws a `TypeError` naming each problem when `fault` is not one. */
  addFault(fault: FaultRequest): Fault;
  faults(): Fault[];
  clearFaults(): void;
  /** Ends a conference (every provider's with this id, or `provider`'s); returns how many participants it completed. */
  endConference(conferenceSid: string, provider?: Provider): number;
  /** Makes a participant leave its conference; returns how many participants left (one per provider and account). */
  leaveConference(conferenceSid: string, callSid: string, provider?: Provider): number;
}

const JSON_HEADERS = { "content-type": "application/json" } as const;
const MAX_ADMIN_BODY_BYTES = 16 * 1024;
const utf8 = new TextDecoder();

interface Routed {
  operationId: AdminOperationId;
  params: Record<string, string>;
  query: URLSearchParams;
}

/** An admin path and method against the document's routes (`{name}` segments are parameters). */
function routeOf(method: string, path: string, target: string): Routed | { status: 404 | 405; allow?: string } {
  const parts = path.split("/");
  const allowed: string[] = [];
  for (const route of adminRoutes) {
    const template = route.path.split("/");
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((segment, i) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment === parts[i];
      try {
        params[name] = decodeURIComponent(parts[i]!);
      } catch {
        return false;
      }
      return params[name] !== "";
    });
    if (!matches) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const queryStart = target.indexOf("?");
    return { operationId: route.operationId, params, query: new URLSearchParams(queryStart === -1 ? "" : target.slice(queryStart + 1)) };
  }
  return allowed.length > 0 ? { status: 405, allow: allowed.join(", ") } : { status: 404 };
}

function answer(status: number, body?: unknown, headers: Record<string, string> = {}): MockAnswer {
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

export class AdminApi implements MockControls {
  readonly #api: MockApi;

  constructor(api: MockApi) {
    this.#api = api;
  }

  requests(): JournalEntry[] {
    return this.#api.journal.list();
  }

  clearRequests(): void {
    this.#api.journal.clear();
  }

  reset(): void {
    this.#api.reset();
  }

  addFault(fault: FaultRequest): Fault {
    const result = this.#checkFault(fault);
    if (!result.ok) throw new TypeError(`not a fault: ${result.violations.map((v) => `${v.path || "fault"}: ${v.message}`).join("; ")}`);
    return result.fault;
  }

  faults(): Fault[] {
    return this.#api.faults.list();
  }

  clearFaults(): void {
    this.#api.faults.clear();
  }

  endConference(conferenceSid: string, provider?: Provider): number {
    return this.#api.store.complete({ conference: conferenceSid, ...(provider ? { provider } : {}) });
  }

  leaveConference(conferenceSid: string, callSid: string, provider?: Provider): number {
    return this.#api.store.complete({ conference: conferenceSid, call: callSid, ...(provider ? { provider } : {}) });
  }

  #checkFault(fault: unknown): { ok: true; fault: Fault } | { ok: false; violations: Violation[] } {
    const validate = validators.FaultRequest;
    if (!validate(fault)) return { ok: false, violations: toViolations(validate.errors ?? []) };
    const added = this.#api.faults.add(fault as FaultRequest);
    if (added === undefined) {
      return {
        ok: false,
        violations: [{ code: "invalid_value", path: "", message: "cannot be added: too many faults are pending; clear them first" }],
      };
    }
    return { ok: true, fault: added };
  }

  /** Answers an admin request (`path` is its target's path, starting `/__admin`). */
  receive(request: MockRequest, path: string): Reception {
    const routed = routeOf(request.method, path, request.target);
    if ("status" in routed) {
      const message = routed.status === 405 ? `${request.method} is not allowed on ${path}` : `No admin operation at ${path.slice(0, 200)}`;
      return { answer: adminError(routed.status, message, [], routed.allow ? { allow: routed.allow } : {}) };
    }
    if (routed.operationId === "addFault") return { readBody: (body) => this.#addFaultOver(body) };
    return { answer: this.#operate(routed) };
  }

  #addFaultOver(body: BodyReading): MockAnswer {
    if (!body.ok || body.bytes.length > MAX_ADMIN_BODY_BYTES) {
      return adminError(body.ok || body.reason === "tooLarge" ? 413 : 400, "The body could not be read whole.");
    }
    const parsed = parseJsonObject(utf8.decode(body.bytes));
    if (!parsed.ok) return adminError(400, "The body is not a JSON object.", parsed.errors);
    const result = this.#checkFault(parsed.value);
    if (!result.ok) return adminError(400, "The body is not a fault this mock can play.", result.violations);
    return answer(201, result.fault);
  }

  #operate({ operationId, params, query }: Routed): MockAnswer {
    switch (operationId) {
      case "listRequests":
        return answer(200, { requests: this.requests() });
      case "clearRequests":
        this.clearRequests();
        return answer(204);
      case "reset":
        this.reset();
        return answer(204);
      case "listFaults":
        return answer(200, { faults: this.faults() });
      case "clearFaults":
        this.clearFaults();
        return answer(204);
      case "endConference":
      case "leaveConference": {
        const provider = providerParam(query);
        if (typeof provider === "object") return adminError(400, "The provider is not one of this mock's.", [provider]);
        const conference = params.conferenceSid!;
        const count =
          operationId === "endConference"
            ? this.endConference(conference, provider)
            : this.leaveConference(conference, params.callSid!, provider);
        if (count === 0) {
          const what =
            operationId === "endConference" ? `conference ${conference}` : `participant ${params.callSid} in conference ${conference}`;
          return adminError(404, `No ${what}${provider ? ` for ${provider}` : ""}.`);
        }
        return answer(200, { participants: count });
      }
      case "addFault":
        return adminError(400, "A fault needs a body.");
    }
  }
}

/** The admin URL of an operation, for banners and docs: `/__admin/requests`. */
export const adminPath = (operationId: AdminOperationId, params: Record<string, string> = {}) =>
  fillPath(adminRoutes.find((r) => r.operationId === operationId)!.path, (name) => params[name] ?? `{${name}}`);

/** The in-process controls, bound to one mock (so they can be destructured and passed around). */
export function controlsOf(admin: MockControls): MockControls {
  return {
    requests: () => admin.requests(),
    clearRequests: () => admin.clearRequests(),
    reset: () => admin.reset(),
    addFault: (fault) => admin.addFault(fault),
    faults: () => admin.faults(),
    clearFaults: () => admin.clearFaults(),
    endConference: (conferenceSid, provider) => admin.endConference(conferenceSid, provider),
    leaveConference: (conferenceSid, callSid, provider) => admin.leaveConference(conferenceSid, callSid, provider),
  };
}
