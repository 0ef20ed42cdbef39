/**
 * A call's deadline: one timer per call, started before the request is sent and cleared once its body is
 * read. The call's waits (for the answer's head, then for its body) race it, so a call not fully answered in
 * `timeoutMs` rejects then, wherever it stands. It is not an `AbortSignal` handed to fetch: undici's fetch
 * registers every signal it is given (a listener, a weak reference, a finalizer). Measured with
 * `npm run bench -- client` on the same loaded machine: a signal on every call 1.14× raw fetch, this race 1.02×
 * (the client without a timeout: 1.02×). A request left behind by a timeout before its answer's head has its
 * body cancelled once the answer comes, which closes its connection; one left behind during its body is left to
 * the runtime's limits (undici's body timeout, 300 s). The caller's `signal` still aborts the request itself.
 */

/** What the deadline's race rejects with: `updateParticipant` turns it into a `TimeoutError`. */
export const EXPIRED: unique symbol = Symbol("deadline expired");
const ignore = () => undefined;

export class Deadline {
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #passed: Promise<never>;

  constructor(timeoutMs: number) {
    let fire: (reason: unknown) => void = ignore;
    this.#passed = new Promise<never>((_, reject) => {
      fire = reject;
    });
    this.#timer = setTimeout(() => fire(EXPIRED), timeoutMs);
  }

  /** `work`, unless the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.#passed]);
  }

  /** Stops the timer: the call has ended, answered or not. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** Once a request left behind is answered, its body is cancelled, which closes its connection. */
export function releaseWhenAnswered(sent: Promise<Response>): void {
  sent.then((response) => response.body?.cancel().catch(ignore), ignore);
}
