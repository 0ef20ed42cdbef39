/** A request refused before anything was sent: the update, its ids or the client's options break the contract. */
import { formatViolation, type Violation } from "./violations.js";

export class RequestValidationError extends Error {
  override readonly name = "RequestValidationError";
  /** Every violation found, each with its field, what was expected and what was received. */
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[], summary = "The update was refused and nothing was sent") {
    super(`${summary}: ${violations.map(formatViolation).join("; ")}`);
    this.violations = Object.freeze(violations.map((violation) => Object.freeze({ ...violation })));
  }
}
