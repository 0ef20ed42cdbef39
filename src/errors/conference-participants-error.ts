/** The base of every error this package throws: a message, and the violations behind it. */
import { capViolations, formatViolation, type Violation } from "../contract/violations.js";

/** The mark every error of this package carries, registered so each copy of the package finds the same one. */
export const ERROR_BRAND: unique symbol = Symbol.for("conference-participants.error");

export class ConferenceParticipantsError extends Error {
  override readonly name: string = "ConferenceParticipantsError";
  /** Every problem found, each with its `code`, field, what was expected and what was received. */
  readonly violations: readonly Violation[];
  /** The package's mark: `isConferenceParticipantsError` reads it, whichever copy of the package made the error. */
  readonly [ERROR_BRAND] = true;

  constructor(summary: string, violations: readonly Violation[], options?: ErrorOptions) {
    // The message lists at most MAX_VIOLATIONS of them, so its size stays bounded whatever was refused.
    const listed = capViolations(violations);
    super(violations.length === 0 ? summary : `${summary}: ${listed.map(formatViolation).join("; ")}`, options);
    this.violations = Object.freeze(violations.map((violation) => Object.freeze({ ...violation })));
  }
}
