/**
 * The mock's core: the endpoint as each provider serves it, and the admin API beside it, with no transport of
 * its own and no `node:` module. The node:http server (`../node/`) and the MSW handlers (`../../msw/`) each hand
 * it an `Exchange` per request and send what it answers, so both behave alike by construction.
 *
 * An update's path: route → the participant's seat → method → credentials → fault → the conference's rules →
 * content coding, type and declared size → (the transport reads the body, at most `MAX_BODY_BYTES`) → body →
 * contract → the conference's rules again and the update applied in one step (`conference-rules.ts`) → an
 * answer that itself validates against the spec → journal.
 */
import { providers } from "../../contract/providers.js";
import { hasPathParameterSchema, validatePathParameter } from "../../contract/validate.js";
import { AdminApi, isAdminPath } from "./admin.js";
import { delayedBy, failureAnswer, faultAnswer, jsonAnswer, participantAnswer } from "./answers.js";
import { refusalOf, updateSeat } from "./conference-rules.js";
import type { MockControls } from "./controls.js";
import { unroutedResponse } from "./error-bodies.js";
import { type Answer, type BodyReading, type Exchange, MAX_BODY_BYTES, pathOfTarget } from "./exchange.js";
import { fail, type MockFailure } from "./failures.js";
import type { Fault } from "./faults.js";
import { answeredEntry, type JournalEntry, keptBody, startEntry } from "./journal.js";
import { sameId } from "./participant-ref.js";
import { matchRoutes, type Route, serverPathOf } from "./routes.js";
import type { MockState } from "./state.js";
import type { Seat } from "./store.js";
import { mediaTypeOf, readUpdate, refusedContentCoding, refusedMediaType, tooLarge } from "./update-body.js";

/** What the head of an update decided: an answer already, or the body to read and how. */
type HeadOutcome = { answer: Answer } | { seat: Seat; mediaType: string | undefined; fault: Fault | undefined };

const INTERNAL: MockFailure = { reason: "internal", detail: "The mock failed to handle this request." };

/** Told of each request the API answered, with the milliseconds the mock took (the node:http server logs a line). */
export type AnswerListener = (entry: JournalEntry, ms: number) => void;

export class MockApi {
  readonly #state: MockState;
  readonly #admin: AdminApi;
  readonly #onAnswered: AnswerListener | undefined;
  /** When each request began, kept only while someone listens for answers. */
  readonly #began = new WeakMap<JournalEntry, number>();
  /** The mock's controls in-process: the admin API's operations as methods. */
  readonly controls: MockControls;

  constructor(state: MockState, onAnswered?: AnswerListener) {
    this.#state = state;
    this.#admin = new AdminApi(state);
    this.#onAnswered = onAnswered;
    this.controls = this.#admin.controls;
  }

  /** Answers one request, now or once its body is read. Never throws: a failure of the mock itself is a 500. */
  handle(exchange: Exchange): void {
    const path = pathOfTarget(exchange.target);
    if (isAdminPath(path)) {
      this.#admin.handle(exchange, path);
      return;
    }
    const routes = matchRoutes(path);
    if (routes.length === 0) {
      const detail = `No operation at ${exchange.method} ${path.slice(0, 200)}.`;
      const { status, body } = unroutedResponse(path, { reason: "notFound", detail });
      const entry = this.#begin(startEntry(exchange, { provider: null, operation: null, serverPath: null }));
      this.#finish(exchange, entry, jsonAnswer(status, body));
      return;
    }
    const found = this.#state.store.seatOf(routes);
    const route = found?.route ?? this.#likeliestRoute(routes);
    const entry = this.#begin(
      startEntry(exchange, {
        provider: route.provider,
        operation: providers[route.provider].operationId,
        serverPath: serverPathOf(route.provider, path),
      }),
    );
    try {
      const head = this.#head(exchange, route, found?.seat, entry);
      if ("answer" in head) this.#finish(exchange, entry, head.answer);
      else exchange.readBody((reading) => this.#afterBody(exchange, entry, head, reading));
    } catch {
      this.#finish(exchange, entry, failureAnswer(route.provider, INTERNAL));
    }
  }

  /**
   * Of the routes a path can be that lead to no participant, the provider's whose answer it gets (SignalWire's
   * SDK path is also Twilio's): the one whose provider has that account, else the one whose account matches its
   * provider's account id schema (Twilio's `AC…`), else the first.
   */
  #likeliestRoute(routes: readonly Route[]): Route {
    if (routes.length === 1) return routes[0]!;
    const { store } = this.#state;
    const accountFits = (route: Route) => {
      const parameter = (providers[route.provider].pathParameters as readonly string[])[0]!;
      return hasPathParameterSchema(route.provider, parameter) && validatePathParameter(route.provider, parameter, route.account).ok;
    };
    return routes.find((route) => store.hasAccount(route.provider, route.account)) ?? routes.find(accountFits) ?? routes[0]!;
  }

  /**
   * What can be decided from the request's head alone; `seat` is the participant its path names, if any. A
   * fault is taken here, after the credentials and the participant are known (`faults.ts`).
   */
  #head(exchange: Exchange, route: Route, found: Seat | undefined, entry: JournalEntry): HeadOutcome {
    const { provider } = route;
    if (exchange.method !== "POST") {
      return { answer: failureAnswer(provider, fail("methodNotAllowed", `${exchange.method} is not allowed here; use POST.`).failure) };
    }
    const { credentials, owners, faults } = this.#state;
    const authenticated = credentials.accepts(provider, exchange.headers.authorization);
    const owner = owners[provider];
    const seat = found !== undefined && owner !== undefined && sameId(route.account, owner) ? found : undefined;
    const fault = faults.take(seat?.ref ?? route, route.call, authenticated && seat !== undefined);
    entry.fault = fault?.id ?? null;
    if (fault?.status !== undefined || fault?.drop !== undefined) return { answer: faultAnswer(provider, fault) };
    const mediaType = mediaTypeOf(exchange.headers["content-type"]);
    const refused = this.#refusal(exchange, provider, mediaType, authenticated, seat);
    if (refused !== undefined) return { answer: failureAnswer(provider, refused, fault) };
    return { seat: seat!, mediaType, fault };
  }

  /** Why the head refuses the update: credentials, participant, conference, content coding, type, size. */
  #refusal(
    exchange: Exchange,
    provider: Route["provider"],
    mediaType: string | undefined,
    authenticated: boolean,
    seat: Seat | undefined,
  ): MockFailure | undefined {
    if (!authenticated) return fail("authentication", "Authentication failed: the credentials are missing or not valid.").failure;
    if (seat === undefined) return fail("notFound", "The requested resource was not found.").failure;
    const { headers } = exchange;
    return (
      refusalOf(seat) ??
      refusedContentCoding(headers["content-encoding"]) ??
      refusedMediaType(provider, mediaType) ??
      (Number(headers["content-length"]) > MAX_BODY_BYTES ? tooLarge().failure : undefined)
    );
  }

  /** The body read: the update checked, then applied with the conference's rules, and answered. */
  #afterBody(
    exchange: Exchange,
    entry: JournalEntry,
    head: { seat: Seat; mediaType: string | undefined; fault: Fault | undefined },
    reading: BodyReading,
  ): void {
    let answer: Answer;
    try {
      answer = delayedBy(head.fault, this.#apply(entry, head.seat, head.mediaType, reading));
    } catch {
      answer = failureAnswer(head.seat.ref.provider, INTERNAL);
    }
    this.#finish(exchange, entry, answer);
  }

  /** The update a body asks for, applied, or why not; the journal entry learns the body and its verdict. */
  #apply(entry: JournalEntry, seat: Seat, mediaType: string | undefined, reading: BodyReading): Answer {
    const { provider } = seat.ref;
    const update = readUpdate(provider, mediaType, reading);
    if (update.text !== undefined) entry.body = keptBody(update.text);
    if (!update.ok) {
      if (update.failure.violations !== undefined) {
        entry.verdict = "invalid";
        entry.violations = [...update.failure.violations];
      }
      return failureAnswer(provider, update.failure);
    }
    entry.verdict = "valid";
    const outcome = updateSeat(seat, update.change);
    if (outcome.ok) return participantAnswer(provider, outcome.participant);
    if (outcome.failure.violations !== undefined) {
      entry.verdict = "invalid";
      entry.violations = [...outcome.failure.violations];
    }
    return failureAnswer(provider, outcome.failure);
  }

  /** An entry, with when its request began if someone listens for answers. */
  #begin(entry: JournalEntry): JournalEntry {
    if (this.#onAnswered !== undefined) this.#began.set(entry, performance.now());
    return entry;
  }

  /** Journals the request with its answer, tells the listener, then sends the answer. */
  #finish(exchange: Exchange, entry: JournalEntry, answer: Answer): void {
    answeredEntry(entry, answer);
    this.#state.journal.record(entry);
    if (this.#onAnswered !== undefined) this.#onAnswered(entry, performance.now() - (this.#began.get(entry) ?? performance.now()));
    exchange.respond(answer, () => {
      entry.response.delivered = false;
    });
  }
}
