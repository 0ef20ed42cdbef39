/** Why the mock refuses a request: one reason per kind of failure, which each provider answers in its own way. */
import type { Violation } from "../../contract/violations.js";

export type FailureReason =
  | "unreadable"
  | "invalid"
  | "coachedNotInConference"
  | "authentication"
  | "notFound"
  | "methodNotAllowed"
  | "tooLarge"
  | "timeout"
  | "headersTooLarge"
  | "unsupportedMediaType"
  | "conferenceEnded"
  | "tooManyRequests"
  | "internal"
  | "unavailable"
  | "forbidden"
  | "httpVersion";

export interface MockFailure {
  reason: FailureReason;
  /** The full sentence, when there are no violations to list. */
  detail: string;
  /** The request's violations, one per problem. */
  violations?: readonly Violation[];
}

/** A failure, as the steps of an update return it. */
export const fail = (reason: FailureReason, detail: string, violations?: readonly Violation[]): { ok: false; failure: MockFailure } => ({
  ok: false,
  failure: { reason, detail, ...(violations ? { violations } : {}) },
});
