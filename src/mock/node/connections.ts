/**
 * Each connection's bookkeeping: the answers still owed on it, in order, and the body being read on it. A
 * connection ends only once every answer owed on it is written, so an update that was stored is answered; an
 * answer the connection closed before writing whole is reported to the journal as not delivered.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { BodyReading } from "../core/exchange.js";

/** One answer owed on a connection, and what to tell the core if it is never written whole. */
export interface Owed {
  readonly res: ServerResponse;
  undelivered?: () => void;
}

/** One connection's answers still owed, and what happens once they are written. */
export interface Connection {
  readonly socket: Socket;
  /**
   * The answers not known to be written, in the order their requests came. Answers on a connection are
   * written in that order, so the written ones are dropped from the front as requests come, with no
   * listener per request.
   */
  readonly owed: Owed[];
  /** A connection-level error came, or the server is stopping: close once every owed answer is written. */
  closeWhenFlushed: boolean;
  /** While a request's body is being read: that request, and how its reading is settled early (its time ran out, the connection broke). */
  bodyRead?: { readonly req: IncomingMessage; stop(reading: BodyReading): void };
}

const isDone = ({ res }: Owed) => res.writableFinished || res.destroyed;

/** The connection's owed answers, without those already written. */
export function owedOf(connection: Connection): Owed[] {
  const { owed } = connection;
  while (owed.length > 0 && isDone(owed[0]!)) owed.shift();
  return owed;
}

/**
 * Lets only the last owed answer close the connection: an earlier answer that closed it would drop the
 * pipelined answers already written behind it. When the last one's head is already written (with keep-alive),
 * none says so, and the connection is ended once they are all written (`endWhenFlushed`).
 */
function closeAfterLast(owed: readonly Owed[]): void {
  for (let i = 0; i < owed.length - 1; i++) if (!owed[i]!.res.headersSent) owed[i]!.res.removeHeader("connection");
  const last = owed.at(-1)?.res;
  if (last !== undefined && !last.headersSent) last.setHeader("connection", "close");
}

/** Ends the connection once every answer owed on it is written. */
export function endWhenFlushed(connection: Connection): void {
  connection.closeWhenFlushed = true;
  const owed = owedOf(connection);
  closeAfterLast(owed);
  const next = owed.find((entry) => !isDone(entry));
  if (next === undefined) connection.socket.end();
  else next.res.once("close", () => endWhenFlushed(connection));
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
      for (const entry of connection.owed) if (!entry.res.writableFinished) entry.undelivered?.();
    });
    return connection;
  }

  /** A new request's answer owed on its connection (it closes the connection if the connection is ending). */
  owe(connection: Connection, res: ServerResponse): Owed {
    const owed = owedOf(connection);
    const entry: Owed = { res };
    owed.push(entry);
    if (connection.closeWhenFlushed) closeAfterLast(owed);
    return entry;
  }

  /** The connection of a socket already seen, if it is still open. */
  known(socket: Socket): Connection | undefined {
    return this.#bySocket.get(socket);
  }

  /** Every open connection ends once its owed answers are written; an idle one at once. */
  endAllWhenFlushed(): void {
    for (const connection of this.#bySocket.values()) if (owedOf(connection).length > 0) endWhenFlushed(connection);
  }
}
