/**
 * The mock's core: the endpoint as each provider serves it, and the admin API beside it, with no transport of
 * its own and no `node:` module. The node:http server (`../node/`) and the MSW handlers (`../../msw/`) each hand
 * it an `Exchange` per request and send what it answers, so both behave alike by construction.
 *
 * An update's path: route → method → credentials → participant → fault → content type and declared size →
 * (the transport reads the body, at most `MAX_BODY_BYTES`) → body → contract → the conference's rules and the
 * update applied in one step (`store.ts`) → an answer that itself validates against the spec → journal.
 */
import { providers } from "../../contract/providers.js";
import { hasPathParameterSchema, validatePathParameter } from "../../contract/validate.js";
import { AdminApi, isAdminPath } from "./admin.js";
import { delayedBy, failureAnswer, faultAnswer, jsonAnswer, participantAnswer } from "./answers.js";
import type { MockControls } from "./controls.js";
import { unroutedResponse } from "./error-bodies.js";
import { type Answer, type BodyReading, type Exchange, MAX_BODY_BYTES, pathOfTarget } from "./exchange.js";
import { fail, type MockFailure } from "./failures.js";
import { nowIso } from "./fast-paths.js";
import type { Fault } from "./faults.js";
import { type JournalEntry, journalHeaders } from "./journal.js";
import { updateSeat } from "./conference-rules.js";
import type { ParticipantRef } from "./participant-ref.js";
import { hasLeft } from "./participants.js";
import { matchRoutes, type Route } from "./routes.js";
import type { MockState } from "./state.js";
import type { Seat } from "./store.js";
import { mediaTypeOf, readUpdate, refusedMediaType, tooLarge } from "./update-body.js";

/** What the head of an update decided: an answer already, or the body to read and how. */
type HeadOutcome = { answer: Answer } | { seat: Seat; mediaType: string | undefined };

const INTERNAL: MockFailure = { reason: "internal", detail: "The mock failed to handle this request." };

export class MockApi {
  readonly #state: MockState;
  readonly #admin: AdminApi;
  /** The mock's controls in-process: the admin API's operations as methods. */
  readonly controls: MockControls;

  constructor(state: MockState) {
    this.#state = state;
    this.#admin = new AdminApi(state);
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
      this.#finish(exchange, this.#entry(exchange, undefined, undefined), jsonAnswer(status, body));
      return;
    }
    const found = this.#state.store.seatOf(routes);
    const route = found?.route ?? this.#likeliestRoute(routes);
    let fault: Fault | undefined;
    try {
      fault = this.#faultFor(exchange, route);
      const head = this.#head(exchange, route, found?.seat, fault);
      const entry = this.#entry(exchange, route, fault);
      if ("answer" in head) this.#finish(exchange, entry, head.answer);
      else exchange.readBody((reading) => this.#afterBody(exchange, entry, head.seat, head.mediaType, reading, fault));
    } catch {
      this.#finish(exchange, this.#entry(exchange, route, fault), failureAnswer(route.provider, INTERNAL));
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

  /** The fault an update takes, if one matches it (only POSTs to the operation take faults). */
  #faultFor(exchange: Exchange, route: Route): Fault | undefined {
    return exchange.method === "POST" ? this.#state.faults.take(route) : undefined;
  }

  /** What can be decided from the request's head alone; `seat` is the participant its path names, if any. */
  #head(exchange: Exchange, route: Route, seat: Seat | undefined, fault: Fault | undefined): HeadOutcome {
    const { provider } = route;
    const refuse = (failure: MockFailure) => ({ answer: failureAnswer(provider, failure, fault) });
    if (exchange.method !== "POST") return refuse(fail("methodNotAllowed", `${exchange.method} is not allowed here; use POST.`).failure);
    if (fault?.status !== undefined || fault?.drop !== undefined) return { answer: faultAnswer(provider, fault) };
    const { credentials, owners } = this.#state;
    if (!credentials.accepts(provider, exchange.headers.authorization)) {
      return refuse(fail("authentication", "Authentication failed: the credentials are missing or not valid.").failure);
    }
    if (seat === undefined || route.account !== owners[provider])
      return refuse(fail("notFound", "The requested resource was not found.").failure);
    if (hasLeft(provider, seat.participant)) return refuse(conferenceEnded(route));
    const mediaType = mediaTypeOf(exchange.headers["content-type"]);
    const refused = refusedMediaType(provider, mediaType);
    if (refused !== undefined) return refuse(refused);
    if (Number(exchange.headers["content-length"]) > MAX_BODY_BYTES) return refuse(tooLarge().failure);
    return { seat, mediaType };
  }

  /** The body read: the update checked, then applied with the conference's rules, and answered. */
  #afterBody(
    exchange: Exchange,
    entry: JournalEntry,
    seat: Seat,
    mediaType: string | undefined,
    reading: BodyReading,
    fault: Fault | undefined,
  ): void {
    let answer: Answer;
    try {
      answer = delayedBy(fault, this.#apply(entry, seat, mediaType, reading));
    } catch {
      answer = failureAnswer(seat.ref.provider, INTERNAL);
    }
    this.#finish(exchange, entry, answer);
  }

  /** The update a body asks for, applied, or why not; the journal entry learns the body and its verdict. */
  #apply(entry: JournalEntry, seat: Seat, mediaType: string | undefined, reading: BodyReading): Answer {
    const { provider } = seat.ref;
    const update = readUpdate(provider, mediaType, reading);
    if (update.text !== undefined) entry.body = update.text;
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
    if (outcome.reason === "conferenceEnded") return failureAnswer(provider, conferenceEnded(seat.ref));
    entry.verdict = "invalid";
    entry.violations = outcome.violations;
    return failureAnswer(
      provider,
      fail("coachedNotInConference", "CallSidToCoach is not another participant of this conference.", outcome.violations).failure,
    );
  }

  #entry(exchange: Exchange, route: Route | undefined, fault: Fault | undefined): JournalEntry {
    return {
      time: "",
      method: exchange.method,
      path: exchange.target,
      provider: route?.provider ?? null,
      operation: route === undefined ? null : providers[route.provider].operationId,
      headers: journalHeaders(exchange.headers),
      body: "",
      verdict: "unchecked",
      violations: [],
      status: 0,
      fault: fault?.id ?? null,
    };
  }

  /** Journals the request with its answer, then sends the answer. */
  #finish(exchange: Exchange, entry: JournalEntry, answer: Answer): void {
    entry.time = nowIso();
    entry.status = answer.delivery?.drop === "reset" ? 0 : answer.status;
    this.#state.journal.record(entry);
    exchange.respond(answer);
  }
}

function conferenceEnded(ref: ParticipantRef): MockFailure {
  return fail("conferenceEnded", `The conference ${ref.conference} has completed; its participants cannot be updated.`).failure;
}
