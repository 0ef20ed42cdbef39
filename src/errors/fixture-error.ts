/** A fixtures file the mock cannot use: which entry is wrong and how, one violation per problem. */
import type { Violation } from "../contract/violations.js";
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class FixtureError extends ConferenceParticipantsError {
  override readonly name: string = "FixtureError";

  constructor(summary: string, violations: readonly Violation[] = []) {
    super(summary, violations);
  }
}
