/**
 * Every error the mock answers, in the provider's own format and with the status and code the provider
 * gives that failure (each provider's table is in `providers/`). The tests check each answer against the
 * spec, and each code against the spec's examples for its status.
 */
import type { Provider } from "../../contract/providers.js";
import type { FailureReason, MockFailure } from "./failures.js";
import { mockProviders } from "./providers/index.js";
import { resembledProvider } from "./routes.js";

/** The failures a fault may play, each answered with its provider's status for it (429, 500, 503). */
const FAULT_REASONS: readonly FailureReason[] = ["tooManyRequests", "internal", "unavailable"];

/** The failure a fault's `status` stands for at a provider: the one the provider answers with that status. */
export function faultReason(provider: Provider, status: number): FailureReason {
  return FAULT_REASONS.find((reason) => mockProviders[provider].errors[reason].status === status) ?? "internal";
}

/** The status and body a provider answers a failure with. */
export function errorResponse(provider: Provider, failure: MockFailure): { status: number; body: unknown } {
  const { errors, errorBody } = mockProviders[provider];
  const answer = errors[failure.reason];
  return { status: answer.status, body: errorBody(failure, answer) };
}

/**
 * For a path that matches no operation: the error format of the provider whose paths it looks like, and
 * SignalWire's (Twilio's, which both copy) for a path that looks like neither.
 */
export function unroutedResponse(path: string, failure: MockFailure): { status: number; body: unknown } {
  return errorResponse(resembledProvider(path) ?? "signalwire", failure);
}
