/**
 * One node:http request as the mock's core sees it (`Exchange`): its head, its body read within the limit,
 * and its answer written as the core says (after a fault's delay, cut off, or reset). An update is answered
 * in the same turn its body ends: callbacks, no promise per request (BENCHMARKS.md: the transport's cost above
 * a minimal server fell from about 4 µs per request to within the noise).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Answer, type BodyReading, delay, type Exchange, MAX_BODY_BYTES } from "../core/exchange.js";
import type { Connection, Owed } from "./connections.js";

const EMPTY = new Uint8Array(0);

/**
 * The request's headers as the core reads them: one value per name, in lower case. node:http already joins
 * repeated headers but `set-cookie` (an array), which is the only one copied.
 */
function headersOf(req: IncomingMessage): Readonly<Record<string, string | undefined>> {
  if (req.headers["set-cookie"] === undefined) return req.headers as Record<string, string | undefined>;
  const copy: Record<string, string | undefined> = {};
  for (const name in req.headers) {
    const value = req.headers[name];
    copy[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return copy;
}

/**
 * Reads a request's body, at most `MAX_BODY_BYTES` of it, and hands it on once: when it has ended, when it
 * grows past the limit (reading stops), when the client goes away mid-body, or when its time runs out. The
 * last two settle it through `connection.bodyRead` (the connection's close and the server's clientError):
 * node:http emits no "error" on a request that has no listener for it.
 */
function readRequestBody(req: IncomingMessage, connection: Connection, then: (reading: BodyReading) => void): void {
  let chunks: Buffer | Buffer[] | undefined;
  let size = 0;
  let settled = false;
  const settle = (reading: BodyReading) => {
    if (settled) return;
    settled = true;
    connection.bodyRead = undefined;
    req.off("data", onData);
    then(reading);
  };
  connection.bodyRead = { req, stop: settle };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return settle({ ok: false, reason: "tooLarge" });
    if (chunks === undefined) chunks = chunk;
    else if (Array.isArray(chunks)) chunks.push(chunk);
    else chunks = [chunks, chunk];
  };
  req.on("data", onData);
  req.on("end", () => {
    const bytes = chunks === undefined ? EMPTY : Array.isArray(chunks) ? Buffer.concat(chunks) : chunks;
    settle({ ok: true, bytes });
  });
}

/** How much of a body the mock reads on after answering before it (a 413, a refused head): then it cuts the connection. */
export const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;

/**
 * Reads on, discarding, the rest of a body the mock answered before reading it whole, so the client finishes
 * sending and then reads the answer (a client still writing to a closed connection gets EPIPE, not the 413).
 * Bounded: past `DRAIN_LIMIT_BYTES` the connection is cut; in time, by the server's request timeout.
 */
function drainBody(req: IncomingMessage): void {
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * An answer's headers with its Content-Length, in one object for writeHead: node:http writes them as they
 * are, without its header map.
 */
function headOf(answer: Answer, contentLength: number): Record<string, string | number> {
  const headers: Record<string, string | number> = {};
  for (const name in answer.headers) headers[name] = answer.headers[name]!;
  headers["content-length"] = contentLength;
  return headers;
}

export class NodeExchange implements Exchange {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #connection: Connection;
  readonly #owed: Owed;
  /** The request asked `Expect: 100-continue`, and nothing has been said to it yet. */
  #expectsContinue: boolean;

  constructor(req: IncomingMessage, owed: Owed, connection: Connection, expectsContinue: boolean) {
    this.method = req.method ?? "GET";
    this.target = req.url ?? "/";
    this.headers = headersOf(req);
    this.#req = req;
    this.#res = owed.res;
    this.#owed = owed;
    this.#connection = connection;
    this.#expectsContinue = expectsContinue;
  }

  readBody(then: (reading: BodyReading) => void): void {
    if (this.#expectsContinue) {
      this.#expectsContinue = false;
      this.#res.writeContinue();
    }
    readRequestBody(this.#req, this.#connection, then);
  }

  /** Sends an answer: after its delay, if a fault set one, and as its fault says (cut off, or reset). */
  respond(answer: Answer, undelivered?: () => void): void {
    if (undelivered !== undefined) this.#owed.undelivered = undelivered;
    // A refused head that announced a body with Expect: 100-continue gets its final status; the body is never read.
    if (this.#expectsContinue) this.#res.setHeader("connection", "close");
    const delayMs = answer.delivery?.delayMs;
    if (delayMs) {
      delay(delayMs)
        .then(() => this.#deliver(answer))
        .catch(() => this.#res.destroy());
    } else {
      this.#deliver(answer);
    }
  }

  #deliver(answer: Answer): void {
    const req = this.#req;
    const res = this.#res;
    const drop = answer.delivery?.drop;
    if (drop === "reset") {
      req.socket.resetAndDestroy();
    } else if (drop === "midResponse") {
      // The head and the start of a body announced longer than it is, then the connection closes.
      res.writeHead(answer.status, headOf(answer, Buffer.byteLength(answer.body) + 64));
      res.write(answer.body, () => req.socket.destroy());
    } else {
      res.writeHead(answer.status, headOf(answer, Buffer.byteLength(answer.body)));
      res.end(answer.body);
      if (!req.complete) drainBody(req);
    }
  }
}
