/**
 * What a transport hands the mock's core, and what it gets back: the one interface between the core and
 * node:http (`../node/`) or MSW (`../../msw/`). A transport makes one `Exchange` per request; the core reads its
 * head, asks for its body when it needs one, and answers it once.
 */

/** Bodies larger than this are answered 413 without being read further. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What a request's body turned out to be, as the transport read it. */
export type BodyReading = { ok: true; bytes: Uint8Array } | { ok: false; reason: "tooLarge" | "unreadable" | "timeout" };

/** What a transport does beside sending the answer: wait first, or drop the connection. */
export interface Delivery {
  delayMs?: number;
  drop?: "reset" | "midResponse";
}

export interface Answer {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The body: JSON text, or "" for none. */
  body: string;
  delivery?: Delivery;
}

export interface Exchange {
  readonly method: string;
  /** The request target: a path with its query (`/api/laml/…`), or an absolute URL. */
  readonly target: string;
  /** One value per header name, names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Reads the body, at most `MAX_BODY_BYTES` of it, and calls `then` once with what it was. The core calls it at most once. */
  readBody(then: (reading: BodyReading) => void): void;
  /**
   * Sends the answer. The core calls it exactly once, and never throws out of `handle` instead. A transport
   * that learns the answer could not be written whole (the client went away, the shutdown's deadline passed)
   * calls `undelivered`, so the journal says so.
   */
  respond(answer: Answer, undelivered?: () => void): void;
}

/**
 * The path of a request target: its query dropped, and an absolute-form target (RFC 9112 §3.2.2) read by its
 * path. What routes a request, and what picks the error format of one that no route takes.
 */
export function pathOfTarget(target: string): string {
  let path = target;
  if (path.charCodeAt(0) !== 0x2f && /^https?:\/\//i.test(path)) {
    const start = path.indexOf("/", path.indexOf("//") + 2);
    path = start === -1 ? "/" : path.slice(start);
  }
  // A fragment is never part of a request target (RFC 9112 §3.2): a `#` stays in the path, which then
  // matches nothing, rather than being read away.
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

/** Waits `ms` milliseconds: a fault's delay, as every transport plays it. */
export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
