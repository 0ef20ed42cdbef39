/**
 * `startMockServer`: the mock's core (`mock-api.ts`) served over node:http on 127.0.0.1, with the HTML docs
 * and the bundled documents beside it. This file is the transport only: reading heads and bodies within
 * their limits, writing answers, faults that act on the connection, and a clean shutdown.
 */
import { createServer, type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { controlsOf, type MockControls } from "./admin.js";
import { startBanner } from "./banner.js";
import type { Fixtures } from "./fixtures.js";
import { readFixtures } from "./fixtures-file.js";
import {
  type BodyReading,
  delay,
  MAX_BODY_BYTES,
  type MockAnswer,
  MockApi,
  type MockApiOptions,
  type MockRequest,
  pathOfTarget,
} from "./mock-api.js";
import { StaticFiles } from "./static-files.js";
import { type MockFailure, unroutedResponse } from "./error-bodies.js";

export interface MockServerOptions extends Omit<MockApiOptions, "fixtures"> {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures JSON file (path), or the fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: string | Fixtures;
  /** Where the start banner goes; default console.log. `false` prints nothing. */
  log?: ((text: string) => void) | false;
  /** A request whose head and body have not arrived within this many milliseconds is answered 408. Default 10,000. */
  requestTimeoutMs?: number;
}

/** A running mock: its address, its controls (the admin API in-process), and `close()`. */
export interface MockServer extends MockControls {
  /** `http://host:port`, no trailing slash. */
  url: string;
  /**
   * Stops accepting, closes idle connections, answers every request already received (each answer closes
   * its connection), and resolves once all are closed. Connections still open after `SHUTDOWN_DEADLINE_MS`
   * are cut.
   */
  close(): Promise<void>;
}

const JSON_TYPE = "application/json";
const REQUEST_TIMEOUT_MS = 10_000;
/** How long `close()` waits for the answers still owed before it cuts the connections. */
export const SHUTDOWN_DEADLINE_MS = 5_000;

/** One connection's answers still owed, and what happens once they are written. */
interface Connection {
  readonly socket: Socket;
  /**
   * The responses not known to be written, in the order their requests came. Answers on a connection are
   * written in that order, so the written ones are dropped from the front as requests come, with no
   * listener per request.
   */
  readonly owed: ServerResponse[];
  /** A connection-level error came while answers were owed: close once they are written, answer nothing more. */
  closeWhenFlushed: boolean;
  /** While a request's body is being read: that request, and how its reading is settled early (its time ran out, the connection broke). */
  bodyRead?: { readonly req: IncomingMessage; stop(reading: BodyReading): void };
}

const isDone = (res: ServerResponse) => res.writableFinished || res.destroyed;

/** The connection's owed answers, without those already written. */
function owedOf(connection: Connection): ServerResponse[] {
  const { owed } = connection;
  while (owed.length > 0 && isDone(owed[0]!)) owed.shift();
  return owed;
}

/** Ends the connection once every answer owed on it is written (each that is not yet says so in its head). */
function endWhenFlushed(connection: Connection): void {
  const owed = owedOf(connection);
  for (const res of owed) if (!res.headersSent) res.setHeader("connection", "close");
  const next = owed.find((res) => !isDone(res));
  if (next === undefined) connection.socket.end();
  else next.once("close", () => endWhenFlushed(connection));
}

/** What a connection-level error (a head node:http could not read, or one that did not arrive in time) is answered. */
const connectionFailures: Readonly<Record<string, MockFailure>> = {
  HPE_HEADER_OVERFLOW: { reason: "headersTooLarge", detail: "The request's header section is larger than the server reads." },
  ERR_HTTP_REQUEST_TIMEOUT: { reason: "timeout", detail: "The request was not received in time." },
};
const NOT_HTTP: MockFailure = { reason: "unreadable", detail: "The request is not valid HTTP." };

/**
 * The request's head as the core reads it: one value per header name, in lower case. node:http already
 * joins repeated headers but `set-cookie` (an array), which is the only one copied.
 */
function requestOf(req: IncomingMessage): MockRequest {
  const headers = req.headers["set-cookie"] === undefined ? (req.headers as Record<string, string | undefined>) : joined(req.headers);
  return { method: req.method ?? "GET", target: req.url ?? "/", headers };
}

function joined(headers: IncomingMessage["headers"]): Record<string, string | undefined> {
  const copy: Record<string, string | undefined> = {};
  for (const name in headers) {
    const value = headers[name];
    copy[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return copy;
}

/**
 * Reads the body, at most `MAX_BODY_BYTES` of it, and hands it on once: when it has ended, when it grows
 * past the limit (reading stops), when the client goes away mid-body, or when its time runs out.
 */
function readBody(req: IncomingMessage, connection: Connection, then: (reading: BodyReading) => void): void {
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
  // A client that goes away mid-body, or bytes that break the body's framing, settle the reading through
  // `bodyRead` (the connection's close and the server's clientError), so nothing waits forever. node:http
  // emits no "error" on a request that has no listener for it.
}

const EMPTY = new Uint8Array(0);

/** An answer no route produced (no Host, a head that could not be read), in the format its path resembles. */
function unrouted(target: string, failure: MockFailure): { status: number; text: string } {
  const { status, body } = unroutedResponse(pathOfTarget(target), failure);
  return { status, text: JSON.stringify(body) };
}

/** That answer as raw HTTP/1.1, for a connection with no request to answer through. */
function rawAnswer(target: string, failure: MockFailure): string {
  const { status, text } = unrouted(target, failure);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(text)}\r\n` +
    `connection: close\r\n\r\n${text}`
  );
}

/** Sends an answer: after its delay, if a fault set one, and as its fault says (cut off, or reset). */
function write(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  const delayMs = answer.delivery?.delayMs;
  if (delayMs) {
    delay(delayMs)
      .then(() => deliver(req, res, answer))
      .catch(() => res.destroy());
  } else {
    deliver(req, res, answer);
  }
}

function deliver(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  const drop = answer.delivery?.drop;
  if (drop === "reset") {
    req.socket.resetAndDestroy();
  } else if (drop === "midResponse") {
    // The head and the start of a body announced longer than it is, then the connection closes.
    res.writeHead(answer.status, headOf(answer, Buffer.byteLength(answer.body) + 64));
    res.write(answer.body, () => req.socket.destroy());
  } else {
    send(req, res, answer);
  }
}

/**
 * An answer's headers with its Content-Length, in one object for writeHead: node:http writes them as they
 * are, without its header map.
 */
function headOf(answer: MockAnswer, contentLength: number): Record<string, string | number> {
  const headers: Record<string, string | number> = {};
  for (const name in answer.headers) headers[name] = answer.headers[name]!;
  headers["content-length"] = contentLength;
  return headers;
}

function send(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  res.writeHead(answer.status, headOf(answer, Buffer.byteLength(answer.body)));
  res.end(answer.body);
  if (!req.complete) req.resume();
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const fixtures = typeof options.fixtures === "string" ? (readFixtures(options.fixtures) as Fixtures) : options.fixtures;
  const { projectId, apiToken, telnyxApiKey } = options;
  const api = new MockApi({ projectId, apiToken, telnyxApiKey, ...(fixtures === undefined ? {} : { fixtures }) });
  const staticFiles = new StaticFiles();

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname === "/" || pathname === "/docs") {
      res.writeHead(302, { location: "/docs/", "content-length": 0 });
      res.end();
      return true;
    }
    const file = await staticFiles.get(pathname, req.headers["accept-encoding"]);
    if (file === undefined) return false;
    res.writeHead(file.status, { "content-type": file.contentType, "content-length": Buffer.byteLength(file.body), ...file.headers });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  }

  /** The API's answer, through the core: at once from the head, or once the body is read. */
  function answer(req: IncomingMessage, res: ServerResponse, connection: Connection, expectsContinue: boolean): void {
    const reception = api.receive(requestOf(req));
    if ("answer" in reception) {
      // A refused head that announced a body with Expect: 100-continue gets its final status; the body is never read.
      if (expectsContinue) res.setHeader("connection", "close");
      write(req, res, reception.answer);
    } else {
      if (expectsContinue) res.writeContinue();
      readBody(req, connection, (reading) => write(req, res, reception.readBody(reading)));
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, connection: Connection, expectsContinue: boolean): void {
    // HTTP/1.1 requires Host (RFC 9112 §3.2); node:http's own refusal would not be JSON.
    if (req.httpVersion === "1.1" && req.headers.host === undefined) {
      const { status, text } = unrouted(req.url ?? "/", { ...NOT_HTTP, detail: "The request has no Host header." });
      res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), connection: "close" });
      res.end(text);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      answer(req, res, connection, expectsContinue);
      return;
    }
    // Reading a file is the one step that waits; an update never takes it.
    serveStatic(req, res, pathOfTarget(req.url ?? "/"))
      .then((served) => served || answer(req, res, connection, expectsContinue))
      .catch(() => res.destroy());
  }

  const connections = new Map<Socket, Connection>();
  let stopping = false;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;

  /** A socket's connection: made when first seen, forgotten when it closes (a body still being read is then unreadable). */
  function connectionOf(socket: Socket): Connection {
    const known = connections.get(socket);
    if (known !== undefined) return known;
    const connection: Connection = { socket, owed: [], closeWhenFlushed: false };
    connections.set(socket, connection);
    socket.once("close", () => {
      connections.delete(socket);
      connection.bodyRead?.stop({ ok: false, reason: "unreadable" });
    });
    return connection;
  }

  function onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const connection = connectionOf(req.socket);
    owedOf(connection).push(res);
    if (stopping || connection.closeWhenFlushed) res.setHeader("connection", "close");
    try {
      handle(req, res, connection, expectsContinue);
    } catch {
      res.destroy();
    }
  }

  const server: Server = createServer(
    {
      requireHostHeader: false,
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, requestTimeout / 4)),
    },
    (req, res) => onRequest(req, res, false),
  );
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => onRequest(req, res, true));
  server.on("connection", connectionOf);
  server.on("clientError", (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket) => {
    const connection = connections.get(socket);
    // A body that did not arrive in time: its request answers 408 through the core, like any other answer.
    if (error.code === "ERR_HTTP_REQUEST_TIMEOUT" && connection?.bodyRead !== undefined) {
      connection.bodyRead.stop({ ok: false, reason: "timeout" });
      return;
    }
    // Answers still owed on this connection go out first and in order; the connection then closes. A body
    // being read that the bytes broke before it was complete will not end: it is answered as unreadable.
    if (connection !== undefined && owedOf(connection).length > 0) {
      connection.closeWhenFlushed = true;
      endWhenFlushed(connection);
      if (connection.bodyRead?.req.complete === false) connection.bodyRead.stop({ ok: false, reason: "unreadable" });
      return;
    }
    if (!socket.writable) return socket.destroy();
    // The request line's target, when one was read, picks the provider whose error format the answer takes.
    const target = error.rawPacket?.subarray(0, 2048).toString("latin1").split("\r\n", 1)[0]?.split(" ")[1] ?? "/";
    const failure = (error.code !== undefined && connectionFailures[error.code]) || NOT_HTTP;
    socket.end(rawAnswer(target, failure));
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 4010);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (options.log !== false) (options.log ?? console.log)(startBanner(url, api.credentials, (provider) => api.ownedSample(provider)));

  let closing: Promise<void> | undefined;
  return {
    url,
    ...controlsOf(api.admin),
    close() {
      closing ??= new Promise<void>((resolve) => {
        stopping = true;
        for (const connection of connections.values()) if (owedOf(connection).length > 0) endWhenFlushed(connection);
        const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
