/**
 * What a connection-level error is answered (a head node:http could not read, a head or body that did not
 * arrive in time, bytes that are not HTTP), when there is no request to answer it through.
 */
import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { unroutedResponse } from "../core/error-bodies.js";
import { pathOfTarget } from "../core/exchange.js";
import type { MockFailure } from "../core/failures.js";
import { type Connections, endWhenFlushed, owedOf } from "./connections.js";

const JSON_TYPE = "application/json";

const connectionFailures: Readonly<Record<string, MockFailure>> = {
  HPE_HEADER_OVERFLOW: { reason: "headersTooLarge", detail: "The request's header section is larger than the server reads." },
  ERR_HTTP_REQUEST_TIMEOUT: { reason: "timeout", detail: "The request was not received in time." },
};
export const NOT_HTTP: MockFailure = { reason: "unreadable", detail: "The request is not valid HTTP." };

/** An answer no route produced (no Host, a head that could not be read), in the format its path resembles. */
export function unrouted(target: string, failure: MockFailure): { status: number; text: string } {
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

/** node:http's `clientError` listener for a server whose connections are `connections`. */
export function onClientError(connections: Connections) {
  return (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void => {
    const connection = connections.known(socket);
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
    if (!socket.writable) return void socket.destroy();
    // The request line's target, when one was read, picks the provider whose error format the answer takes.
    const target = error.rawPacket?.subarray(0, 2048).toString("latin1").split("\r\n", 1)[0]?.split(" ")[1] ?? "/";
    const failure = (error.code !== undefined && connectionFailures[error.code]) || NOT_HTTP;
    socket.end(rawAnswer(target, failure));
  };
}

/**
 * node:http's `connect` listener: a CONNECT request (a proxy's tunnel, which the mock is not) is answered 405,
 * never closed in silence.
 */
export function onConnect(req: IncomingMessage, socket: Duplex): void {
  socket.on("error", () => socket.destroy());
  socket.end(
    rawAnswer(req.url ?? "/", { reason: "methodNotAllowed", detail: "CONNECT is not allowed here: the mock is no proxy; use POST." }),
  );
}
