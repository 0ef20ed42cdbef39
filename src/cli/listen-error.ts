/** The mock could not listen where it was told (the port in use, an address not this machine's): one line, exit 2. */
import { ConferenceParticipantsError } from "../errors/conference-participants-error.js";

export class ListenError extends ConferenceParticipantsError {
  override readonly name: string = "ListenError";

  constructor(message: string) {
    super(message, []);
  }
}
