/**
 * Every error the mock answers, in the provider's own error format (SignalWire: `{code, message,
 * more_info, status}`; Telnyx: `{errors: [...]}`), as JSON, with the status and code each provider gives
 * that failure (spec decisions 15 and 16). The tests check each answer against the spec, and each code
 * against the spec's examples for its status.
 */
import type { Provider } from "../contract/providers.js";
import { formatViolation, type Violation } from "../contract/violations.js";
import { resembledProvider } from "./routes.js";

/** Why the mock refuses a request. */
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
  | "unavailable";

export interface MockFailure {
  reason: FailureReason;
  /** The full sentence, when there are no violations to list. */
  detail: string;
  /** The request's violations, one per problem. */
  violations?: readonly Violation[];
}

/** One failure as a provider answers it: the HTTP status, its error code, and (Telnyx) the code's title. */
interface Answer {
  status: number;
  code?: number | string;
  title?: string;
  /** The provider's own wording, where it publishes one. */
  detail?: string;
}

const SIGNALWIRE_MORE_INFO = "https://signalwire.com/docs/compatibility-api/reference/errors";

/** SignalWire's codes from its error-code list; 20001 ("An unknown error occurred") where the list has none. */
const SIGNALWIRE: Readonly<Record<FailureReason, Answer>> = {
  unreadable: { status: 400, code: 10000 },
  invalid: { status: 422, code: 10000 },
  coachedNotInConference: { status: 422, code: 16002 },
  authentication: { status: 401, code: 20003 },
  notFound: { status: 404, code: 20404 },
  methodNotAllowed: { status: 405, code: 20001 },
  tooLarge: { status: 413, code: 20001 },
  timeout: { status: 408, code: 20001 },
  headersTooLarge: { status: 431, code: 20001 },
  unsupportedMediaType: { status: 415, code: 20001 },
  conferenceEnded: { status: 422, code: 10000 },
  tooManyRequests: { status: 429, code: 20429 },
  internal: { status: 500, code: 20504 },
  unavailable: { status: 503, code: 20001 },
};

/** Telnyx's codes and titles from its published error list; a title only where the list has no code. */
const TELNYX: Readonly<Record<FailureReason, Answer>> = {
  unreadable: { status: 400, code: "10015", title: "Bad Request" },
  invalid: { status: 422, code: "10015", title: "Bad Request" },
  coachedNotInConference: { status: 422, code: "10015", title: "Bad Request" },
  authentication: {
    status: 401,
    code: "10009",
    title: "Authentication failed",
    detail: "Could not understand the provided credentials.",
  },
  notFound: { status: 404, code: "10005", title: "Resource not found", detail: "Resource not found" },
  methodNotAllowed: { status: 405, title: "Method not allowed" },
  tooLarge: { status: 413, title: "Request entity too large" },
  timeout: { status: 408, title: "Request timeout" },
  headersTooLarge: { status: 431, title: "Request header fields too large" },
  unsupportedMediaType: { status: 415, code: "10014", title: "Unsupported Media Type" },
  conferenceEnded: {
    status: 400,
    code: "90019",
    title: "Conference has already ended",
    detail: "This conference is no longer active and can't receive commands.",
  },
  tooManyRequests: { status: 429, code: "10011", title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  unavailable: { status: 503, title: "Service unavailable" },
};

const answers: Readonly<Record<Provider, Readonly<Record<FailureReason, Answer>>>> = { signalwire: SIGNALWIRE, telnyx: TELNYX };

/**
 * A request violation's field as a JSON Pointer (RFC 6901): `/HoldUrl`, with `~` and `/` escaped (`a/b` is
 * `/a~1b`); "" for the body as a whole. Request bodies are flat, so a path is one field name, dots and all.
 */
const pointerOf = (path: string) => (path === "" ? "" : `/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`);

const renderers: Record<Provider, (failure: MockFailure, answer: Answer) => unknown> = {
  signalwire: (failure, answer) => ({
    code: answer.code,
    message: failure.violations?.length ? failure.violations.map((v) => formatViolation(v)).join("; ") : failure.detail,
    more_info: SIGNALWIRE_MORE_INFO,
    status: answer.status,
  }),
  telnyx: (failure, answer) => {
    const head = { ...(answer.code === undefined ? {} : { code: answer.code }), title: answer.title };
    if (!failure.violations?.length) return { errors: [{ ...head, detail: answer.detail ?? failure.detail }] };
    return {
      errors: failure.violations.map((v) => ({ ...head, detail: formatViolation(v), source: { pointer: pointerOf(v.path) } })),
    };
  },
};

/** The failures a fault may play, each answered with its provider's status for it (429, 500, 503). */
const FAULT_REASONS: readonly FailureReason[] = ["tooManyRequests", "internal", "unavailable"];

/** The failure a fault's `status` stands for at a provider: the one the provider answers with that status. */
export function faultReason(provider: Provider, status: number): FailureReason {
  return FAULT_REASONS.find((reason) => answers[provider][reason].status === status) ?? "internal";
}

/** The status and body a provider answers a failure with. */
export function errorResponse(provider: Provider, failure: MockFailure): { status: number; body: unknown } {
  const answer = answers[provider][failure.reason];
  return { status: answer.status, body: renderers[provider](failure, answer) };
}

/**
 * For a path that matches no operation: the error format of the provider whose paths it looks like, and
 * SignalWire's (Twilio's, which both copy) for a path that looks like neither.
 */
export function unroutedResponse(path: string, failure: MockFailure): { status: number; body: unknown } {
  return errorResponse(resembledProvider(path) ?? "signalwire", failure);
}
