/**
 * The client's defaults, exported so code and tests can read them rather than restate them. 30 s is what
 * Twilio's and SignalWire's official Node SDKs wait for a request (twilio 6, @signalwire/compatibility-api 3):
 * an update is answered in well under a second, so 30 s only ends calls that will never be answered.
 */
export const CLIENT_DEFAULTS: Readonly<{ timeoutMs: number; maxResponseBytes: number }> = Object.freeze({
  /** A call not fully answered (body included) in this many milliseconds rejects with a `TimeoutError`. */
  timeoutMs: 30_000,
  /** At most this many bytes of a response's body are read (decoded), 4 MiB; real answers are under 1 KiB. */
  maxResponseBytes: 4 * 1024 * 1024,
});
