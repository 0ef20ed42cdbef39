/**
 * Each connection's bookkeeping: the answers still owed on it, in order, and the body being read on it. A
 * connection ends only once every answer owed on it is written, so an update that was stored is answered.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { BodyReading } from "../core/exchange.js";

/** One connection's answers still owed, and what happens once they are written. */
export interface Connection {
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
export function owedOf(connection: Connection): ServerResponse[] {
  const { owed } = connection;
  while (owed.length > 0 && isDone(owed[0]!)) owed.shift();
  return owed;
}

/** Ends the connection once every answer owed on it is written (each that is not yet says so in its head). */
export function endWhenFlushed(connection: Connection): void {
  const owed = owedOf(connection);
  for (const res of owed) if (!res.headersSent) res.setHeader("connection", "close");
  const next = owed.find((res) => !isDone(res));
  if (next === undefined) connection.socket.end();
  else next.once("close", () => endWhenFlushed(connection));
}

/** The server's open connections, each made when its socket is first seen and forgotten when it closes. */
export class Connections {
  readonly #bySocket = new Map<Socket, Connection>();

  /** A socket's connection (a body still being read when the socket closes is then unreadable). */
  of(socket: Socket): Connection {
    const known = this.#bySocket.get(socket);
    if (known !== undefined) return known;
    const connection: Connection = { socket, owed: [], closeWhenFlushed: false };
    this.#bySocket.set(socket, connection);
    socket.once("close", () => {
      this.#bySocket.delete(socket);
      connection.bodyRead?.stop({ ok: false, reason: "unreadable" });
    });
    return connection;
  }

  /** The connection of a socket already seen, if it is still open. */
  known(socket: Socket): Connection | undefined {
    return this.#bySocket.get(socket);
  }

  /** Every open connection that owes answers ends once they are written. */
  endAllWhenFlushed(): void {
    for (const connection of this.#bySocket.values()) if (owedOf(connection).length > 0) endWhenFlushed(connection);
  }
}
