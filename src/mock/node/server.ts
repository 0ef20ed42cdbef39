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
import { requestLine } from "../core/request-log.js";
import { MockState, type MockStateOptions } from "../core/state.js";
import { onClientError, onConnect, unrouted } from "./client-errors.js";
import { type Connection, Connections, type Owed } from "./connections.js";
import { readFixtures } from "./fixtures-file.js";
import { NodeExchange } from "./node-exchange.js";
import { hostnameOf, hostTest, isLoopbackHost, requestRefusal } from "./request-guards.js";
import { StaticFiles } from "./static-files.js";

export interface MockServerOptions extends Omit<MockStateOptions, "fixtures"> {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures JSON file (path), or the fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: string | Fixtures;
  /** Where the start banner and a line per request go; default console.log. `false` prints nothing. */
  log?: ((text: string) => void) | false;
  /** Whether to print a line per request answered (method, path, status, violations' codes, time). Default true. */
  logRequests?: boolean;
  /** A request whose head and body have not arrived within this many milliseconds is answered 408. Default 10,000. */
  requestTimeoutMs?: number;
  /**
   * Host names (as a request's `Host` names them, without the port) the mock answers on beside loopback ones
   * (`localhost`, 127.0.0.0/8, `::1`), which it always answers on; every other `Host` gets 403. A `host`
   * given that is not a wildcard is allowed too.
   */
  allowedHosts?: readonly string[];
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
/** Addresses that listen on every interface. */
const WILDCARDS: ReadonlySet<string> = new Set(["0.0.0.0", "::", "[::]"]);

const networkWarning = (host: string) =>
  `Warning: listening on ${host}, which other machines can reach: the mock has no credentials of its own, and its admin API changes it.`;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long `close()` waits for the answers still owed before it cuts the connections. */
export const SHUTDOWN_DEADLINE_MS = 5_000;

/** Answers each request: the API through the core, or one of the static files for a GET that is one. */
function requestHandler(api: MockApi, files: StaticFiles, answersOn: (host: string) => boolean) {
  const answer = (req: IncomingMessage, owed: Owed, connection: Connection, expectsContinue: boolean) =>
    api.handle(new NodeExchange(req, owed, connection, expectsContinue));
  return (req: IncomingMessage, owed: Owed, connection: Connection, expectsContinue: boolean): void => {
    const { res } = owed;
    const refused = requestRefusal(req, answersOn);
    if (refused !== undefined) {
      const { status, text } = unrouted(req.url ?? "/", refused);
      res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), connection: "close" });
      res.end(text);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      answer(req, owed, connection, expectsContinue);
      return;
    }
    // Reading a file is the one step that waits; an update never takes it.
    files
      .serve(req, res, pathOfTarget(req.url ?? "/"))
      .then((served) => served || answer(req, owed, connection, expectsContinue))
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
  const {
    port: _port,
    host: _host,
    log: _log,
    logRequests: _logRequests,
    requestTimeoutMs: _timeout,
    fixtures: _file,
    allowedHosts: _allowed,
    ...credentials
  } = options;
  const state = new MockState({ ...credentials, ...(fixtures === undefined ? {} : { fixtures }) });
  const log = options.log === false ? undefined : (options.log ?? console.log);
  const api = new MockApi(
    state,
    log !== undefined && options.logRequests !== false ? (entry, ms) => log(requestLine(entry, ms)) : undefined,
  );
  const host = options.host ?? "127.0.0.1";
  const allowedHosts = new Set((options.allowedHosts ?? []).map((name) => hostnameOf(name).toLowerCase()));
  if (!WILDCARDS.has(host)) allowedHosts.add(hostnameOf(host.includes(":") ? `[${host}]` : host).toLowerCase());
  const handle = requestHandler(api, new StaticFiles(), hostTest(allowedHosts));
  const connections = new Connections();
  let stopping = false;

  function onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const connection = connections.of(req.socket);
    if (stopping) connection.closeWhenFlushed = true;
    const owed = connections.owe(connection, res);
    try {
      handle(req, owed, connection, expectsContinue);
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
  server.on("connect", onConnect);

  await listen(server, options.port ?? 4010, host);
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 4010);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (log !== undefined) {
    const exposed = isLoopbackHost(host) ? [] : [networkWarning(host), ""];
    log([...exposed, startBanner(url, state)].join("\n"));
  }

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
