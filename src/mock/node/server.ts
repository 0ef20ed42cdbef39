/**
 * `startMockServer`: the mock's core (`../core/`) served over node:http on 127.0.0.1, with the HTML docs and
 * the bundled documents beside it. This file is wiring: listen, hand each request to the core as an
 * `Exchange`, close. The parts are beside it: the connections and the answers they owe, the exchange, the
 * answers to connection-level errors, the static files.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { startBanner } from "../core/banner.js";
import type { MockControls } from "../core/controls.js";
import { pathOfTarget } from "../core/exchange.js";
import type { Fixtures } from "../core/fixtures.js";
import { MockApi } from "../core/mock-api.js";
import { MockState, type MockStateOptions } from "../core/state.js";
import { NOT_HTTP, onClientError, unrouted } from "./client-errors.js";
import { type Connection, Connections, owedOf } from "./connections.js";
import { readFixtures } from "./fixtures-file.js";
import { NodeExchange } from "./node-exchange.js";
import { StaticFiles } from "./static-files.js";

export interface MockServerOptions extends Omit<MockStateOptions, "fixtures"> {
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

/** Answers each request: the API through the core, or one of the static files for a GET that is one. */
function requestHandler(api: MockApi, files: StaticFiles) {
  const answer = (req: IncomingMessage, res: ServerResponse, connection: Connection, expectsContinue: boolean) =>
    api.handle(new NodeExchange(req, res, connection, expectsContinue));
  return (req: IncomingMessage, res: ServerResponse, connection: Connection, expectsContinue: boolean): void => {
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
    files
      .serve(req, res, pathOfTarget(req.url ?? "/"))
      .then((served) => served || answer(req, res, connection, expectsContinue))
      .catch(() => res.destroy());
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const fixtures = typeof options.fixtures === "string" ? (readFixtures(options.fixtures) as Fixtures) : options.fixtures;
  const { port: _port, host: _host, log: _log, requestTimeoutMs: _timeout, fixtures: _file, ...credentials } = options;
  const state = new MockState({ ...credentials, ...(fixtures === undefined ? {} : { fixtures }) });
  const api = new MockApi(state);
  const handle = requestHandler(api, new StaticFiles());
  const connections = new Connections();
  let stopping = false;

  function onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const connection = connections.of(req.socket);
    owedOf(connection).push(res);
    if (stopping || connection.closeWhenFlushed) res.setHeader("connection", "close");
    try {
      handle(req, res, connection, expectsContinue);
    } catch {
      res.destroy();
    }
  }

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
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
  server.on("connection", (socket) => connections.of(socket));
  server.on("clientError", onClientError(connections));

  const host = options.host ?? "127.0.0.1";
  await listen(server, options.port ?? 4010, host);
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 4010);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (options.log !== false) (options.log ?? console.log)(startBanner(url, state));

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      stopping = true;
      connections.endAllWhenFlushed();
      const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS);
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, ...api.controls, close };
}
