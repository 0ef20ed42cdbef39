/**
 * A call that got no complete answer: the connection was refused or reset, the host name did not resolve, or
 * the body stopped half way. Thrown by the client in place of fetch's bare `TypeError` ("fetch failed"), which
 * stays reachable as `cause`. An abort by the caller's own signal is not one: it rejects with the signal's reason.
 */
import { ConferenceParticipantsError } from "./conference-participants-error.js";

/** What the client knows of a failed call. */
export interface NetworkFailure {
  method: string;
  /** The request's URL without credentials, query or fragment. */
  url: string;
  /** The first `code` along the cause chain (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`), when the runtime gives one. */
  code: string | undefined;
  /** What to check, when the failure points at something (the mock not running, a forgotten `baseUrl`). */
  hint: string | undefined;
  /** The response, when its head had arrived before its body failed. */
  response: Response | undefined;
}

export class NetworkError extends ConferenceParticipantsError {
  override readonly name: string = "NetworkError";
  readonly method: string;
  /** The request's URL without credentials, query or fragment. */
  readonly url: string;
  /** The first `code` along the cause chain (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`), when the runtime gives one. */
  readonly code: string | undefined;
  /** What to check, when the failure points at something (the mock not running, a forgotten `baseUrl`). */
  readonly hint: string | undefined;
  /**
   * The response, when its head had arrived before its body failed: the provider received the update and may
   * have applied it. `undefined` when no answer arrived.
   */
  readonly response: Response | undefined;

  constructor(failure: NetworkFailure, what: string, cause?: unknown) {
    const code = failure.code === undefined ? "" : ` (${failure.code})`;
    const hint = failure.hint === undefined ? "" : `: ${failure.hint}`;
    super(`${failure.method} ${failure.url} ${what}${code}${hint}`, [], cause === undefined ? undefined : { cause });
    this.method = failure.method;
    this.url = failure.url;
    this.code = failure.code;
    this.hint = failure.hint;
    this.response = failure.response;
  }
}
