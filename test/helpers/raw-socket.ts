/**
 * Raw HTTP/1.1 over node:net to a server on 127.0.0.1: bytes written exactly as given, and every response
 * read back from what the server sent until it closed the connection (or a bound of time ran out).
 */
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Exchange {
  /** Every byte the server sent, as latin1 text. */
  text: string;
  /** The responses in that text, in order (interim 1xx ones included). */
  answers: RawAnswer[];
  /** Whether the server closed the connection (false: the bound ran out first, and the test closed it). */
  closedByServer: boolean;
}

/**
 * Writes `parts` in order (a number waits that many milliseconds before the next part), then reads until the
 * server closes the connection, at most `boundMs`.
 */
export function exchange(url: string, parts: readonly (string | Buffer | number)[], boundMs = 5_000): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const bound = setTimeout(() => socket.destroy(), boundMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      closedByServer = true;
      socket.end();
    });
    socket.on("error", () => {
      // A reset is a close by the server as far as the test is concerned; what was received is kept.
      closedByServer = true;
    });
    socket.on("close", () => {
      clearTimeout(bound);
      const text = Buffer.concat(chunks).toString("latin1");
      resolve({ text, answers: answersIn(text), closedByServer });
    });
    socket.once("connect", async () => {
      try {
        for (const part of parts) {
          if (typeof part === "number") await new Promise((done) => setTimeout(done, part));
          else if (!socket.destroyed) socket.write(part);
        }
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The responses in a stream of HTTP/1.1 bytes (bodies by Content-Length). */
export function answersIn(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  for (let guard = 0; guard < 1_000 && at < text.length; guard++) {
    const headEnd = text.indexOf("\r\n\r\n", at);
    if (headEnd === -1) break;
    const [statusLine, ...lines] = text.slice(at, headEnd).split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    const body = Buffer.from(text.slice(headEnd + 4, headEnd + 4 + length), "latin1").toString("utf8");
    answers.push({ status, headers, body });
    at = headEnd + 4 + length;
  }
  return answers;
}

/** A request's bytes: request line, headers (Host first unless given as null), blank line, body. */
export function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string | null>,
  body = "",
  options: { contentLength?: boolean } = {},
): string {
  const lines = [`${method} ${target} HTTP/1.1`];
  const all: Record<string, string | null> = { host: "127.0.0.1", ...headers };
  if (options.contentLength !== false && body !== "") all["content-length"] = String(Buffer.byteLength(body));
  for (const [name, value] of Object.entries(all)) if (value !== null) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}
