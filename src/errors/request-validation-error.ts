/** A request refused before anything was sent: the update or its ids break the contract. */
import type { Violation } from "../contract/violations.js";
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class RequestValidationError extends ConferenceParticipantsError {
  override readonly name: string = "RequestValidationError";

  constructor(violations: readonly Violation[], summary = "The update was refused and nothing was sent") {
    super(summary, violations);
  }
}
