/**
 * A call not fully answered within the client's `timeoutMs` (default 30 s): aborted, its connection released.
 * A `NetworkError` (no complete answer came back) with code `ETIMEDOUT`; its `name` is `"TimeoutError"`, as the
 * `DOMException` of `AbortSignal.timeout` names it, so checks of `error.name` keep working.
 */
import { type NetworkFailure, NetworkError } from "./network-error.js";

export class TimeoutError extends NetworkError {
  override readonly name: string = "TimeoutError";
  /** The limit it went past, in milliseconds. */
  readonly timeoutMs: number;

  constructor(failure: Omit<NetworkFailure, "code" | "hint">, timeoutMs: number) {
    const phase = failure.response === undefined ? "got no answer" : `got a ${failure.response.status} answer whose body did not end`;
    super({ ...failure, code: "ETIMEDOUT", hint: undefined }, `${phase} within ${timeoutMs} ms (timeoutMs)`);
    this.timeoutMs = timeoutMs;
  }
}
