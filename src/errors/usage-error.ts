/** A wrong CLI invocation: the message is printed with the command's usage, exit 2. */
import type { Violation } from "../contract/violations.js";
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class UsageError extends ConferenceParticipantsError {
  override readonly name: string = "UsageError";

  constructor(message: string, violations: readonly Violation[] = []) {
    super(message, violations);
  }
}
