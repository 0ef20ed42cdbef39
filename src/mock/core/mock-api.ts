/**
 * The mock's core: the endpoint as both providers serve it, the admin API, the journal and the faults, with
 * no transport of its own. The node:http server (`http-server.ts`) and the MSW handlers (`../msw/`) both
 * hand it requests and send what it answers, so both behave alike by construction. It runs wherever
 * `fetch` runs (no `node:` module).
 *
 * An update's path: route → method → fault → credentials → participant → content type and declared size →
 * (the transport reads the body, at most `MAX_BODY_BYTES`) → body → contract → conference rules → store →
 * an answer that itself validates against the spec.
 */
import { parseJsonObject } from "../contract/json-body.js";
import { type Provider, providers } from "../contract/providers.js";
import { validateErrorBody, validateParticipant, validateUpdateRequest } from "../contract/validate.js";
import type { Violation, ViolationCode } from "../contract/violations.js";
import { AdminApi } from "./admin.js";
import { type CredentialOptions, Credentials, challenges } from "./auth.js";
import { errorResponse, type FailureReason, faultReason, type MockFailure, unroutedResponse } from "./error-bodies.js";
import { Faults, type Fault } from "./faults.js";
import { defaultFixtures, type Fixtures, type SeededParticipant, seedParticipants } from "./fixtures.js";
import { Journal, type JournalEntry, journalHeaders, journalTime } from "./journal.js";
import type { ParticipantJson } from "./participants.js";
import { matchRoutes, type Route } from "./routes.js";
import { ParticipantStore } from "./store.js";

/** Bodies larger than this are answered 413 without being read further. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = "application/json";
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": JSON_TYPE });

export interface MockApiOptions extends CredentialOptions {
  /** The fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: Fixtures;
}

/** A request as a transport received it: header names in lower case. */
export interface MockRequest {
  method: string;
  /** The request target: a path with its query (`/api/laml/…`), or an absolute URL. */
  target: string;
  headers: Readonly<Record<string, string | undefined>>;
}

/** What a transport does beside sending the answer: wait first, or drop the connection. */
export interface Delivery {
  delayMs?: number;
  drop?: "reset" | "midResponse";
}

export interface MockAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The body: JSON text, or "" for none. */
  body: string;
  delivery?: Delivery;
}

/** What the body of a request turned out to be, as the transport read it. */
export type BodyReading = { ok: true; bytes: Uint8Array } | { ok: false; reason: "tooLarge" | "unreadable" | "timeout" };

/** The answer to a request's head, or what to do with its body once read. */
export type Reception = { answer: MockAnswer } | { readBody(body: BodyReading): MockAnswer };

type Outcome = { ok: true; participant: ParticipantJson } | { ok: false; failure: MockFailure };
type BodyOutcome = { ok: true; change: Record<string, unknown> } | { ok: false; failure: MockFailure };

const fail = (reason: FailureReason, detail: string, violations?: readonly Violation[]): { ok: false; failure: MockFailure } => ({
  ok: false,
  failure: { reason, detail, ...(violations ? { violations } : {}) },
});

/** The violations that say a body could not be read at all, rather than read and found to break the contract. */
const UNREADABLE: ReadonlySet<ViolationCode> = new Set(["repeated_field", "invalid_encoding", "invalid_json"]);
const isUnreadable = (violation: Violation) => UNREADABLE.has(violation.code);

/** Whether lower-casing would leave a text as it is (no ASCII capital, nothing outside ASCII): most media types as sent. */
function isLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || code > 0x7f) return false;
  }
  return true;
}

function mediaTypeOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const semicolon = header.indexOf(";");
  const type = (semicolon === -1 ? header : header.slice(0, semicolon)).trim();
  return (isLowerCase(type) ? type : type.toLowerCase()) || undefined;
}

/** Waits `ms` milliseconds: a fault's delay, as every transport plays it. */
export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The path of a request target: its query dropped, and an absolute-form target (RFC 9112 §3.2.2) read by its
 * path. What routes a request, and what picks the error format of one that no route takes.
 */
export function pathOfTarget(target: string): string {
  let path = target;
  if (path.charCodeAt(0) !== 0x2f && /^https?:\/\//i.test(path)) {
    const start = path.indexOf("/", path.indexOf("//") + 2);
    path = start === -1 ? "/" : path.slice(start);
  }
  // A fragment is never part of a request target (RFC 9112 §3.2): a `#` stays in the path, which then
  // matches nothing, rather than being read away.
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

const utf8 = new TextDecoder();

/** The update a body asks for, or the failure that says why it cannot be applied. */
function parseUpdate(provider: Provider, mediaType: string | undefined, text: string): BodyOutcome {
  let input: string | Record<string, unknown> = text;
  // An empty JSON body is an empty update; one of only whitespace is named for what it is.
  if (mediaType === JSON_TYPE && text !== "") {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) {
      return fail(parsed.errors.some(isUnreadable) ? "unreadable" : "invalid", "The body is not a JSON object.", parsed.errors);
    }
    input = parsed.value;
  }
  const result = validateUpdateRequest(provider, input);
  if (result.ok) return { ok: true, change: result.value as Record<string, unknown> };
  return fail(result.errors.some(isUnreadable) ? "unreadable" : "invalid", "The body breaks the contract.", result.errors);
}

/**
 * Each participant's answer, serialised and checked against the spec once: participants are frozen, replaced
 * on change, and the answer (frozen too) is shared by every request that gets it.
 */
const checkedAnswers = new WeakMap<ParticipantJson, MockAnswer>();

export class MockApi {
  readonly credentials: Credentials;
  readonly seeded: readonly SeededParticipant[];
  readonly store: ParticipantStore;
  readonly journal = new Journal();
  readonly faults = new Faults();
  readonly admin: AdminApi;
  /** The account each provider's credentials belong to: SignalWire's project id, Telnyx's first account. */
  readonly owners: Readonly<Record<Provider, string | undefined>>;

  constructor(options: MockApiOptions = {}) {
    this.credentials = new Credentials(options);
    this.seeded = seedParticipants(options.fixtures ?? defaultFixtures(this.credentials.projectId));
    this.store = new ParticipantStore(this.seeded);
    this.owners = {
      signalwire: this.credentials.projectId,
      telnyx: this.seeded.find((s) => s.provider === "telnyx")?.account,
    };
    this.admin = new AdminApi(this);
  }

  /** A seeded participant of the account a provider's credentials belong to (for the start banner's sample). */
  ownedSample(provider: Provider): SeededParticipant | undefined {
    return this.seeded.find((s) => s.provider === provider && s.account === this.owners[provider]);
  }

  /** Participants back to the fixtures; journal and faults cleared. */
  reset(): void {
    this.store.reset();
    this.journal.clear();
    this.faults.clear();
  }

  /** Answers a request's head, or says how to answer once its body is read. Never throws. */
  receive(request: MockRequest): Reception {
    const path = pathOfTarget(request.target);
    if (path === "/__admin" || path.startsWith("/__admin/")) return this.admin.receive(request, path);
    const route = this.#routeOf(path);
    if (route === undefined) {
      const detail = `No operation at ${request.method} ${path.slice(0, 200)}.`;
      const { status, body } = unroutedResponse(path, { reason: "notFound", detail });
      return { answer: this.#record(this.#entry(request, route, undefined), this.#json(status, body)) };
    }
    try {
      const fault = request.method === "POST" ? this.faults.take(route) : undefined;
      const head = this.#head(request, route, fault);
      if ("failure" in head) {
        return { answer: this.#record(this.#entry(request, route, fault), this.#failure(route.provider, head.failure, fault)) };
      }
      if ("answer" in head) return { answer: this.#record(this.#entry(request, route, fault), head.answer) };
      return {
        readBody: (body) => {
          const record = this.#entry(request, route, fault);
          try {
            return this.#record(record, this.#body(record, route, head.mediaType, body, fault));
          } catch {
            return this.#record(record, this.#failure(route.provider, fail("internal", "The mock failed to handle this request.").failure));
          }
        },
      };
    } catch {
      return {
        answer: this.#record(
          this.#entry(request, route, undefined),
          this.#failure(route.provider, fail("internal", "The mock failed to handle this request.").failure),
        ),
      };
    }
  }

  /** The operation a path is. The exact id wins: `…/agent.json` is the participant `agent.json` if there is one, else `agent`. */
  #routeOf(path: string): Route | undefined {
    const routes = matchRoutes(path);
    if (routes.length < 2) return routes[0];
    for (const route of routes) if (this.store.get(route) !== undefined) return route;
    return routes[0];
  }

  /** What can be decided from the request's head alone. */
  #head(
    request: MockRequest,
    route: Route,
    fault: Fault | undefined,
  ): { failure: MockFailure } | { answer: MockAnswer } | { mediaType: string | undefined } {
    const { provider } = route;
    if (request.method !== "POST") return fail("methodNotAllowed", `${request.method} is not allowed here; use POST.`);
    if (fault?.status !== undefined || fault?.drop !== undefined) return { answer: this.#faultAnswer(provider, fault) };
    if (!this.credentials.accepts(provider, request.headers.authorization)) {
      return fail("authentication", "Authentication failed: the credentials are missing or not valid.");
    }
    const participant = route.account === this.owners[provider] ? this.store.get(route) : undefined;
    if (participant === undefined) return fail("notFound", "The requested resource was not found.");
    if (participant.status === "completed") {
      return fail("conferenceEnded", `The conference ${route.conference} has completed; its participants cannot be updated.`);
    }
    const mediaType = mediaTypeOf(request.headers["content-type"]);
    const accepted = providers[provider].requestContentTypes as readonly string[];
    if (mediaType !== undefined && !accepted.includes(mediaType)) {
      const detail = `Content-Type ${JSON.stringify(mediaType)} is not accepted; send ${accepted.join(" or ")}.`;
      return fail("unsupportedMediaType", detail);
    }
    if (Number(request.headers["content-length"]) > MAX_BODY_BYTES) return this.#tooLarge();
    return { mediaType };
  }

  #tooLarge() {
    return fail("tooLarge", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }

  #body(record: JournalEntry, route: Route, mediaType: string | undefined, body: BodyReading, fault: Fault | undefined): MockAnswer {
    const outcome = this.#outcome(record, route, mediaType, body);
    const answer = outcome.ok
      ? this.#participantAnswer(route.provider, outcome.participant)
      : this.#failure(route.provider, outcome.failure);
    return fault?.delayMs === undefined ? answer : { ...answer, delivery: { delayMs: fault.delayMs } };
  }

  /** The update a body asks for, applied, or why not; the journal entry learns the body and its verdict. */
  #outcome(record: JournalEntry, route: Route, mediaType: string | undefined, body: BodyReading): Outcome {
    const { provider } = route;
    if (!body.ok) {
      if (body.reason === "tooLarge") return this.#tooLarge();
      if (body.reason === "timeout") return fail("timeout", "The body was not received in time.");
      return fail("unreadable", "The body could not be read.");
    }
    const text = utf8.decode(body.bytes);
    record.body = text;
    if (mediaType === undefined && body.bytes.length > 0) {
      const accepted = providers[provider].requestContentTypes as readonly string[];
      return fail("unsupportedMediaType", `A body needs a Content-Type: ${accepted.join(" or ")}.`);
    }
    const parsed = parseUpdate(provider, mediaType, text);
    record.verdict = parsed.ok ? "valid" : "invalid";
    if (!parsed.ok) {
      record.violations = [...(parsed.failure.violations ?? [])];
      return parsed;
    }
    // Read, check against the conference, apply and store in one synchronous step: nothing interleaves.
    const updated = this.store.update(route, parsed.change);
    if (updated.ok) return updated;
    record.verdict = "invalid";
    record.violations = updated.violations;
    return fail("coachedNotInConference", "CallSidToCoach is not another participant of this conference.", updated.violations);
  }

  #participantAnswer(provider: Provider, participant: ParticipantJson): MockAnswer {
    let answer = checkedAnswers.get(participant);
    if (answer === undefined) {
      const checked = validateParticipant(provider, participant, { strict: true });
      if (!checked.ok) throw new Error("a participant the mock holds breaks the contract");
      const body = JSON.stringify(participant);
      answer = Object.freeze({ status: 200, headers: JSON_HEADERS, body });
      checkedAnswers.set(participant, answer);
    }
    return answer;
  }

  #failure(provider: Provider, failure: MockFailure, fault?: Fault): MockAnswer {
    const { status, body } = errorResponse(provider, failure);
    if (!validateErrorBody(provider, body).ok) throw new Error("an error body of the mock breaks the contract");
    const headers: Record<string, string> = {};
    const challenge = challenges[providers[provider].auth];
    if (failure.reason === "authentication" && challenge !== undefined) headers["www-authenticate"] = challenge;
    if (failure.reason === "methodNotAllowed") headers.allow = "POST";
    if (failure.reason === "tooLarge" || failure.reason === "timeout") headers.connection = "close";
    if (failure.reason === "tooManyRequests") headers["retry-after"] = String(fault?.retryAfter ?? 1);
    const answer = this.#json(status, body, headers);
    return fault?.delayMs === undefined ? answer : { ...answer, delivery: { delayMs: fault.delayMs } };
  }

  /** A fault's answer: its status with the provider's error body, or a participant-shaped start that is cut off. */
  #faultAnswer(provider: Provider, fault: Fault): MockAnswer {
    if (fault.status !== undefined) {
      const reason = faultReason(provider, fault.status);
      return this.#failure(provider, { reason, detail: `A fault set on the mock answers ${fault.status}.` }, fault);
    }
    const delivery: Delivery = { drop: fault.drop ?? "reset", ...(fault.delayMs === undefined ? {} : { delayMs: fault.delayMs }) };
    return { status: 200, headers: { "content-type": JSON_TYPE }, body: '{"account_sid":', delivery };
  }

  #json(status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer {
    return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(body) };
  }

  #entry(request: MockRequest, route: Route | undefined, fault: Fault | undefined): JournalEntry {
    return {
      time: "",
      method: request.method,
      path: request.target,
      provider: route?.provider ?? null,
      operation: route === undefined ? null : providers[route.provider].operationId,
      headers: journalHeaders(request.headers),
      body: "",
      verdict: "unchecked",
      violations: [],
      status: 0,
      fault: fault?.id ?? null,
    };
  }

  #record(entry: JournalEntry, answer: MockAnswer): MockAnswer {
    entry.time = journalTime();
    entry.status = answer.delivery?.drop === "reset" ? 0 : answer.status;
    this.journal.record(entry);
    return answer;
  }
}
