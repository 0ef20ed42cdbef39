/** A 2xx response whose body breaks the contract: the provider answered something this package cannot vouch for. */
import type { Violation } from "../contract/violations.js";
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class ResponseValidationError extends ConferenceParticipantsError {
  override readonly name: string = "ResponseValidationError";
  /** The response as received (its body already read: see `body`). */
  readonly response: Response;
  /** The body: parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;

  constructor(response: Response, body: unknown, violations: readonly Violation[]) {
    super(`The ${response.status} response breaks the contract`, violations);
    this.response = response;
    this.body = body;
  }
}
