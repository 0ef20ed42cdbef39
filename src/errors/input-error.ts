/** A file or standard input that cannot be read (missing, not a regular file, too large, not UTF-8): exit 2. */
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class InputError extends ConferenceParticipantsError {
  override readonly name: string = "InputError";

  constructor(message: string) {
    super(message, []);
  }
}
