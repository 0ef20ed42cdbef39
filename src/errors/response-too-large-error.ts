/** A response whose body is larger than the client reads (`maxResponseBytes`): reading stopped there. */
import { ConferenceParticipantsError } from "./conference-participants-error.js";

export class ResponseTooLargeError extends ConferenceParticipantsError {
  override readonly name: string = "ResponseTooLargeError";
  /** The response as received; its body was cancelled once past the limit. */
  readonly response: Response;
  /** The limit it went past, in bytes. */
  readonly maxResponseBytes: number;

  constructor(response: Response, maxResponseBytes: number) {
    super(`The ${response.status} response's body is larger than ${maxResponseBytes} bytes and was not read whole`, [
      {
        code: "invalid_value",
        path: "",
        message: `is larger than ${maxResponseBytes} bytes`,
        expected: `at most ${maxResponseBytes} bytes (maxResponseBytes)`,
        received: `more than ${maxResponseBytes} bytes`,
      },
    ]);
    this.response = response;
    this.maxResponseBytes = maxResponseBytes;
  }
}
