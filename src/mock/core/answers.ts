/**
 * The answers the mock's API sends: a participant, a provider's error, a fault. Each is checked against the
 * spec before it goes out (a participant's once per change: `answerOf`), so the mock never answers what the
 * contract does not allow.
 */
import { type Provider, providers } from "../../contract/providers.js";
import { validateErrorBody, validateParticipant } from "../../contract/validate.js";
import { challenges } from "./auth.js";
import { errorResponse, faultReason } from "./error-bodies.js";
import type { Answer, Delivery } from "./exchange.js";
import type { MockFailure } from "./failures.js";
import { answerOf } from "./fast-paths.js";
import type { Fault } from "./faults.js";
import type { ParticipantJson } from "./participants.js";

const JSON_TYPE = "application/json";
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": JSON_TYPE });

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** The answer played after a fault's delay, when the fault sets one. */
export function delayedBy(fault: Fault | undefined, answer: Answer): Answer {
  return fault?.delayMs === undefined ? answer : { ...answer, delivery: { ...answer.delivery, delayMs: fault.delayMs } };
}

/** A participant's 200, serialised and checked strictly once per participant object. */
export function participantAnswer(provider: Provider, participant: ParticipantJson): Answer {
  return answerOf(participant, () => {
    if (!validateParticipant(provider, participant, { strict: true }).ok)
      throw new Error("a participant the mock holds breaks the contract");
    return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(participant) };
  });
}

/** A failure in the provider's error format, with the headers its status calls for. */
export function failureAnswer(provider: Provider, failure: MockFailure, fault?: Fault): Answer {
  const { status, body } = errorResponse(provider, failure);
  if (!validateErrorBody(provider, body).ok) throw new Error("an error body of the mock breaks the contract");
  const headers: Record<string, string> = {};
  const challenge = challenges[providers[provider].auth];
  if (failure.reason === "authentication" && challenge !== undefined) headers["www-authenticate"] = challenge;
  if (failure.reason === "methodNotAllowed") headers.allow = "POST";
  if (failure.reason === "timeout") headers.connection = "close";
  if (failure.reason === "tooManyRequests") headers["retry-after"] = String(fault?.retryAfter ?? 1);
  return delayedBy(fault, jsonAnswer(status, body, headers));
}

/** A fault's answer: its status with the provider's error body, or a participant-shaped start that is cut off. */
export function faultAnswer(provider: Provider, fault: Fault): Answer {
  if (fault.status !== undefined) {
    const reason = faultReason(provider, fault.status);
    return failureAnswer(provider, { reason, detail: `A fault set on the mock answers ${fault.status}.` }, fault);
  }
  const delivery: Delivery = { drop: fault.drop ?? "reset", ...(fault.delayMs === undefined ? {} : { delayMs: fault.delayMs }) };
  return { status: 200, headers: JSON_HEADERS, body: '{"account_sid":', delivery };
}
