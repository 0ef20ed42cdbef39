/**
 * `startMockServer`: the endpoint as both providers serve it, enforcing the contract with the same
 * validators the package exports, and keeping state. Request path: route → method → credentials →
 * participant → content type and size → body → contract → coached call → store → a response that
 * validates against the spec.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { isUnreadableForm } from "../contract/form.js";
import { providers, type Provider } from "../contract/providers.js";
import { validateUpdateRequest } from "../contract/validate.js";
import type { Violation } from "../contract/violations.js";
import { Credentials, challenges, type CredentialOptions } from "./auth.js";
import { errorBody, unroutedBody, type MockFailure } from "./error-bodies.js";
import { defaultFixtures, readFixtures, seedParticipants, type Fixtures, type SeededParticipant } from "./fixtures.js";
import { applyUpdate } from "./participants.js";
import { matchRoute, type Route } from "./routes.js";
import { startBanner } from "./banner.js";
import { StaticFiles } from "./static-files.js";
import { ParticipantStore } from "./store.js";

export interface MockServerOptions extends CredentialOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures JSON file (path), or the fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: string | Fixtures;
  /** Where the start banner goes; default console.log. `false` prints nothing. */
  log?: ((text: string) => void) | false;
}

export interface MockServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Bodies larger than this are answered 413 without being read further. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = "application/json";

class Failure {
  constructor(readonly failure: MockFailure) {}
}

const fail = (status: number, title: string, detail: string, violations?: Violation[]): Failure =>
  new Failure({ status, title, detail, ...(violations ? { violations } : {}) });

function mediaTypeOf(header: string | undefined): string | undefined {
  return header === undefined ? undefined : header.split(";")[0]!.trim().toLowerCase() || undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer | Failure> {
  const declared = Number(req.headers["content-length"]);
  const tooLarge = () => fail(413, "Request entity too large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(tooLarge());
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    const unreadable = () => resolve(fail(400, "Bad request", "The body could not be read."));
    req.on("error", unreadable);
    // A client that goes away mid-body: settle (a no-op once "end" has resolved), so nothing waits forever.
    req.on("close", unreadable);
  });
}

/** The status of a body that cannot be read at all: 400 where the provider declares it, else 422. */
const unreadableStatus = (provider: Provider) => (Object.hasOwn(providers[provider].responses, "400") ? 400 : 422);

/** The update a body asks for, or the failure that says why it cannot be applied. */
function parseUpdate(provider: Provider, mediaType: string | undefined, body: Buffer): Record<string, unknown> | Failure {
  const text = body.toString("utf8");
  let input: string | Record<string, unknown> = text;
  if (mediaType === JSON_TYPE && text.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return fail(unreadableStatus(provider), "Invalid JSON", "The body is not valid JSON.", [
        { path: "", message: `is not valid JSON (${(error as Error).message})`, expected: "a JSON object" },
      ]);
    }
    if (typeof parsed !== "object" || parsed === null) {
      return fail(422, "Invalid value", "The body must be a JSON object.", [
        { path: "", message: "must be an object", expected: "object", received: typeof parsed },
      ]);
    }
    input = parsed as Record<string, unknown>;
  }
  const result = validateUpdateRequest(provider, input);
  if (result.ok) return result.value as Record<string, unknown>;
  const status = result.errors.some(isUnreadableForm) ? unreadableStatus(provider) : 422;
  return fail(status, "Invalid value", "The body breaks the contract.", result.errors);
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const credentials = new Credentials(options);
  const fixtures =
    typeof options.fixtures === "string" ? readFixtures(options.fixtures) : (options.fixtures ?? defaultFixtures(credentials.projectId));
  const seeded = seedParticipants(fixtures);
  const store = new ParticipantStore(seeded);
  const staticFiles = new StaticFiles();
  /** The account each provider's credentials belong to: SignalWire's project id, Telnyx's first account. */
  const owners: Record<Provider, string | undefined> = {
    signalwire: credentials.projectId,
    telnyx: seeded.find((s) => s.provider === "telnyx")?.account,
  };
  const owned = (provider: Provider): SeededParticipant | undefined =>
    seeded.find((s) => s.provider === provider && s.account === owners[provider]);

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  async function update(req: IncomingMessage, route: Route): Promise<{ status: number; body: unknown } | Failure> {
    const { provider } = route;
    if (!credentials.accepts(provider, req.headers.authorization)) {
      return fail(401, "Authentication failed", "Authentication failed: the credentials are missing or not valid.");
    }
    const key = { provider, account: route.account, conference: route.conference, call: route.call };
    if (route.account !== owners[provider] || store.get(key) === undefined) {
      return fail(404, "Not found", "The requested resource was not found.");
    }
    const mediaType = mediaTypeOf(req.headers["content-type"]);
    const accepted = providers[provider].requestContentTypes as readonly string[];
    if (mediaType !== undefined && !accepted.includes(mediaType)) {
      return fail(
        415,
        "Unsupported media type",
        `Content-Type ${JSON.stringify(mediaType)} is not accepted; send ${accepted.join(" or ")}.`,
      );
    }
    const body = await readBody(req);
    if (body instanceof Failure) return body;
    if (mediaType === undefined && body.length > 0) {
      return fail(415, "Unsupported media type", `A body needs a Content-Type: ${accepted.join(" or ")}.`);
    }
    const change = parseUpdate(provider, mediaType, body);
    if (change instanceof Failure) return change;
    const coached = change.CallSidToCoach;
    if (typeof coached === "string" && coached !== "") {
      const problem =
        coached === route.call
          ? "cannot be the participant itself"
          : store.get({ ...key, call: coached }) === undefined
            ? `is not a participant of conference ${route.conference}`
            : undefined;
      if (problem !== undefined) {
        return fail(422, "Invalid value", "CallSidToCoach is not another participant of this conference.", [
          {
            path: "CallSidToCoach",
            message: problem,
            expected: "another participant of the same conference",
            received: JSON.stringify(coached),
          },
        ]);
      }
    }
    // Read, apply and store in one synchronous step: no other request can interleave.
    const current = store.get(key)!;
    return { status: 200, body: store.replace(key, applyUpdate(provider, current, change)) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? "/").split("?")[0]!;
    const route = matchRoute(pathname);
    if (route === undefined) return serveOther(req, res, pathname);
    const { provider } = route;
    let outcome: { status: number; body: unknown } | Failure;
    if (req.method !== "POST") {
      outcome = fail(405, "Method not allowed", `${req.method ?? "This method"} is not allowed here; use POST.`);
    } else {
      try {
        outcome = await update(req, route);
      } catch {
        outcome = fail(500, "Internal error", "The mock failed to handle this request.");
      }
    }
    if (!(outcome instanceof Failure)) return send(res, outcome.status, outcome.body);
    const { status } = outcome.failure;
    const headers: Record<string, string> = {};
    const challenge = challenges[providers[provider].auth];
    if (status === 401 && challenge !== undefined) headers["www-authenticate"] = challenge;
    if (status === 405) headers.allow = "POST";
    if (status === 413) headers.connection = "close";
    send(res, status, errorBody(provider, outcome.failure), headers);
    if (!req.complete) req.resume();
  }

  async function serveOther(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method === "GET" || req.method === "HEAD") {
      if (pathname === "/" || pathname === "/docs") {
        res.writeHead(302, { location: "/docs/", "content-length": 0 });
        return void res.end();
      }
      const file = await staticFiles.get(pathname);
      if (file !== undefined) {
        res.writeHead(file.status, { "content-type": file.contentType, "content-length": Buffer.byteLength(file.body) });
        return void res.end(req.method === "HEAD" ? undefined : file.body);
      }
    }
    send(
      res,
      404,
      unroutedBody({ status: 404, title: "Not found", detail: `No operation at ${req.method ?? ""} ${pathname.slice(0, 200)}.` }),
    );
    if (!req.complete) req.resume();
  }

  const server: Server = createServer((req, res) => {
    req.on("error", () => res.destroy());
    handle(req, res).catch(() => res.destroy());
  });
  server.on("clientError", (_error, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const text = JSON.stringify(unroutedBody({ status: 400, title: "Bad request", detail: "The request is not valid HTTP." }));
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
  if (options.log !== false) (options.log ?? console.log)(startBanner(url, credentials, owned));

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
