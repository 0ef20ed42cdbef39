/**
 * `startMockServer`: the mock's core (`mock-api.ts`) served over node:http on 127.0.0.1, with the HTML docs
 * and the bundled documents beside it. This file is the transport only: reading heads and bodies within
 * their limits, writing answers, faults that act on the connection, and a clean shutdown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { controlsOf, type MockControls } from "./admin.js";
import { startBanner } from "./banner.js";
import type { Fixtures } from "./fixtures.js";
import { readFixtures } from "./fixtures-file.js";
import { type BodyReading, MAX_BODY_BYTES, type MockAnswer, MockApi, type MockApiOptions, type MockRequest } from "./mock-api.js";
import { StaticFiles } from "./static-files.js";
import { unroutedResponse } from "./error-bodies.js";

export interface MockServerOptions extends Omit<MockApiOptions, "fixtures"> {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures JSON file (path), or the fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: string | Fixtures;
  /** Where the start banner goes; default console.log. `false` prints nothing. */
  log?: ((text: string) => void) | false;
}

/** A running mock: its address, its controls (the admin API in-process), and `close()`. */
export interface MockServer extends MockControls {
  /** `http://host:port`, no trailing slash. */
  url: string;
  /** Stops accepting, answers what was already received, then closes every connection. */
  close(): Promise<void>;
}

const JSON_TYPE = "application/json";

/** The request's head as the core reads it: one value per header name, in lower case. */
function requestOf(req: IncomingMessage): MockRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: req.method ?? "GET", target: req.url ?? "/", headers };
}

/** The body, at most `MAX_BODY_BYTES` of it; stops reading past that. */
function readBody(req: IncomingMessage): Promise<BodyReading> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        resolve({ ok: false, reason: "tooLarge" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve({ ok: true, bytes: Buffer.concat(chunks) }));
    const unreadable = () => resolve({ ok: false, reason: "unreadable" });
    req.on("error", unreadable);
    // A client that goes away mid-body: settle (a no-op once "end" has resolved), so nothing waits forever.
    req.on("close", unreadable);
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function write(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): Promise<void> {
  const { delivery } = answer;
  if (delivery?.delayMs) await wait(delivery.delayMs);
  if (delivery?.drop === "reset") {
    req.socket.resetAndDestroy();
    return;
  }
  const length = Buffer.byteLength(answer.body);
  if (delivery?.drop === "midResponse") {
    // The head and the start of a body announced longer than it is, then the connection closes.
    res.writeHead(answer.status, { ...answer.headers, "content-length": length + 64 });
    res.write(answer.body, () => req.socket.destroy());
    return;
  }
  res.writeHead(answer.status, { ...answer.headers, "content-length": length });
  res.end(answer.body);
  if (!req.complete) req.resume();
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const fixtures = typeof options.fixtures === "string" ? (readFixtures(options.fixtures) as Fixtures) : options.fixtures;
  const { projectId, apiToken, telnyxApiKey } = options;
  const api = new MockApi({ projectId, apiToken, telnyxApiKey, ...(fixtures === undefined ? {} : { fixtures }) });
  const staticFiles = new StaticFiles();

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (pathname === "/" || pathname === "/docs") {
      res.writeHead(302, { location: "/docs/", "content-length": 0 });
      res.end();
      return true;
    }
    const file = await staticFiles.get(pathname);
    if (file === undefined) return false;
    res.writeHead(file.status, { "content-type": file.contentType, "content-length": Buffer.byteLength(file.body) });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (await serveStatic(req, res, pathname)) return;
    const reception = api.receive(requestOf(req));
    if ("answer" in reception) return write(req, res, reception.answer);
    return write(req, res, reception.readBody(await readBody(req)));
  }

  const server: Server = createServer((req, res) => {
    req.on("error", () => res.destroy());
    handle(req, res).catch(() => res.destroy());
  });
  server.on("clientError", (error: Error & { rawPacket?: Buffer }, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    // The request line's target, when one was read, picks the provider whose error format the answer takes.
    const target = error.rawPacket?.subarray(0, 2048).toString("latin1").split("\r\n", 1)[0]?.split(" ")[1] ?? "/";
    const failure = { reason: "unreadable", detail: "The request is not valid HTTP." } as const;
    const text = JSON.stringify(unroutedResponse(target.split("?")[0]!, failure).body);
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
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
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
