/**
 * What a call that failed on its way rejects with. The package's own errors (a body too large or breaking the
 * contract, options refused) pass as they are, and so does an abort by the caller's signal (its reason, as
 * fetch gives it). The client's own deadline becomes a `TimeoutError`; anything else the send or the body's
 * reading threw (Node's `TypeError: fetch failed` or `terminated`, Bun's and Deno's own `TypeError`s) a
 * `NetworkError` with the method, the URL, the code found along the cause chain (Node: on the cause; Bun: on
 * the error itself; Deno and Chromium give none) and, where one applies, a hint.
 */
import { isConferenceParticipantsError } from "../errors/is-conference-participants-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { Provider } from "../contract/providers.js";
import { isLoopback } from "./checks.js";
import type { ClientConfiguration } from "./configuration.js";

/** A failed call, as `updateParticipant` saw it. */
export interface FailedCall {
  url: string;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** Whether the client's deadline passed. */
  timedOut: boolean;
  /** The response, when its head arrived before the failure. */
  response: Response | undefined;
}

const MAX_DEPTH = 8;
/** The cause's message is quoted up to this length: the error's own stays bounded whatever a custom fetch throws. */
const MAX_MESSAGE = 200;

/** The first string `code` on the error or along its `cause`s (an AggregateError's first error included). */
export function codeOf(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === "object" && current !== null; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === "string" && code !== "") return code;
    current = Array.isArray(errors) && errors.length > 0 && cause === undefined ? errors[0] : cause;
  }
  return undefined;
}

/** A hint for the failures whose cause is plain from where the call went. */
function hintFor(code: string | undefined, url: URL, defaultServer: boolean): string | undefined {
  if (code === "ECONNREFUSED" && isLoopback(url.hostname)) return "is the mock running? (npx conference-participants mock)";
  if ((code === "ENOTFOUND" || code === "EAI_AGAIN") && defaultServer) {
    return `${url.hostname} did not resolve: check the network, or set baseUrl to the address of the mock or a proxy`;
  }
  return undefined;
}

const isAbort = (error: unknown) => error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/** What the call rejects with, given what the send or the body's reading threw. */
export function failureOf(
  error: unknown,
  config: Pick<ClientConfiguration<Provider>, "method" | "defaultServer" | "timeoutMs">,
  call: FailedCall,
): unknown {
  if (isConferenceParticipantsError(error)) return error;
  if (call.signal?.aborted && error === call.signal.reason) return error;
  const parsed = new URL(call.url);
  const url = `${parsed.origin}${parsed.pathname}`;
  const { method } = config;
  const { response } = call;
  if (call.timedOut) return new TimeoutError({ method, url, response }, config.timeoutMs);
  // The caller's abort (whatever reason the runtime gave), or one the caller's own fetch made: an abort stays one.
  if (call.signal?.aborted || isAbort(error)) return error;
  const code = codeOf(error);
  const hint = hintFor(code, parsed, config.defaultServer);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_MESSAGE);
  const what = `failed${response === undefined ? "" : ` after a ${response.status} answer began`}: ${message}`;
  return new NetworkError({ method, url, code, hint, response }, what, error);
}
