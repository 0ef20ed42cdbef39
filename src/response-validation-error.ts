/** A 2xx response whose body breaks the contract: the provider answered something this package cannot vouch for. */
import { formatViolation, type Violation } from "./violations.js";

export class ResponseValidationError extends Error {
  override readonly name = "ResponseValidationError";
  /** The response as received (its body already read: see `body`). */
  readonly response: Response;
  /** The body: parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;
  readonly violations: readonly Violation[];

  constructor(response: Response, body: unknown, violations: readonly Violation[]) {
    super(`The ${response.status} response breaks the contract: ${violations.map(formatViolation).join("; ")}`);
    this.response = response;
    this.body = body;
    this.violations = Object.freeze(violations.map((violation) => Object.freeze({ ...violation })));
  }
}
