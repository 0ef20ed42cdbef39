/**
 * What the client gives back, over real HTTP on 127.0.0.1: error bodies typed and intact, bodies that are
 * not JSON, drift caught by `validateResponses`, timeouts, aborts and network failures, and bodies too large
 * as sent or as decoded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient, type ClientOptions } from "../src/index.js";
import type { Provider } from "../src/contract/providers.js";
import { configure } from "../src/client/configuration.js";
import { failureOf } from "../src/client/failures.js";
import { ResponseValidationError } from "../src/errors/response-validation-error.js";
import {
  CLIENT_DEFAULTS,
  ConferenceParticipantsError,
  isConferenceParticipantsError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from "../src/index.js";
import { ACCOUNT, CONFERENCE, CALL, swPath, txPath } from "./fixtures/ids.js";
import { startRecordingServer, useRecordingServer } from "./helpers/recording-server.js";
import { responseExample } from "./fixtures/client/spec-examples.js";

const current = useRecordingServer();

function client(provider: Provider, options: ClientOptions = {}) {
  const common = { baseUrl: current().origin, ...options };
  return provider === "signalwire"
    ? createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: "PT-token", ...common })
    : createTelnyxClient({ apiKey: "KEY-telnyx", accountSid: ACCOUNT, ...common });
}
const update = (provider: Provider, options?: ClientOptions, signal?: AbortSignal) =>
  client(provider, options).updateParticipant({
    conferenceSid: CONFERENCE,
    callSid: CALL,
    body: { Muted: true },
    ...(signal ? { signal } : {}),
  });

describe("error responses reach `error` typed and intact", () => {
  const cases: [Provider, number][] = [
    ["signalwire", 400],
    ["signalwire", 401],
    ["signalwire", 404],
    ["signalwire", 422],
    ["telnyx", 401],
    ["telnyx", 404],
    ["telnyx", 422],
  ];

  it.each(cases)("%s %i", async (provider, status) => {
    const body = responseExample(provider, status);
    current().reply = () => ({ status, body });
    const { data, error, response } = await update(provider, { validateResponses: true });
    expect(data).toBeUndefined();
    expect(error).toEqual(body);
    expect(response.status).toBe(status);
  });

  it("a SignalWire error's fields have the spec's types", async () => {
    current().reply = () => ({ status: 401, body: responseExample("signalwire", 401) });
    const { error } = await createSignalWireClient({
      space: "example",
      projectId: ACCOUNT,
      apiToken: "PT-token",
      baseUrl: current().origin,
    }).updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: CALL,
    });
    if (error === undefined || typeof error === "string") throw new Error("expected the error body");
    const code: number = error.code;
    const message: string = error.message;
    expect([code, message, error.status]).toEqual([20003, "Authentication failed", 401]);
  });

  it("a body that is not JSON arrives as its text, without crashing the call", async () => {
    current().reply = () => ({ status: 502, body: "<html><body>Bad gateway</body></html>" });
    const { data, error, response } = await update("telnyx");
    expect(data).toBeUndefined();
    expect(error).toBe("<html><body>Bad gateway</body></html>");
    expect(response.status).toBe(502);
  });

  it("an empty error body arrives as an empty string, never as a missing error", async () => {
    current().reply = () => ({ status: 500 });
    const { data, error, response } = await update("signalwire");
    expect(data).toBeUndefined();
    expect(error).toBe("");
    expect(response.ok).toBe(false);
  });
});

describe("2xx bodies", () => {
  it("a 2xx body that is not JSON rejects with a ResponseValidationError, even without validateResponses", async () => {
    current().reply = () => ({ body: "OK" });
    const failure = await update("signalwire").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponseValidationError);
    const error = failure as ResponseValidationError;
    expect(error.response.status).toBe(200);
    expect(error.body).toBe("OK");
    expect(error.violations).toEqual([
      { code: "invalid_json", path: "", message: "is not JSON", expected: "a participant as JSON", received: '"OK"' },
    ]);
    expect(error.message).toBe('The 200 response breaks the contract: body: is not JSON (received "OK")');
  });

  it("an empty 2xx body rejects the same way", async () => {
    current().reply = () => ({ status: 200 });
    await expect(update("telnyx")).rejects.toMatchObject({
      name: "ResponseValidationError",
      body: "",
      violations: [{ code: "invalid_json", path: "", message: "is not JSON" }],
    });
  });
});

describe("validateResponses", () => {
  const drifted = { ...responseExample("signalwire", 200, "mute"), status: "paused", muted: "true" } as Record<string, unknown>;
  delete drifted.account_sid;

  it("passes a participant that keeps the contract, unchanged", async () => {
    const participant = responseExample("signalwire", 200, "mute");
    current().reply = () => ({ body: participant });
    const { data } = await update("signalwire", { validateResponses: true });
    expect(data).toEqual(participant);
  });

  it("rejects a SignalWire participant that drifted, with the response and every violation", async () => {
    current().reply = () => ({ body: drifted, headers: { "X-Request-Id": "r-1" } });
    const failure = (await update("signalwire", { validateResponses: true }).catch((e: unknown) => e)) as ResponseValidationError;
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(failure.response.headers.get("x-request-id")).toBe("r-1");
    expect(failure.body).toEqual(drifted);
    expect(failure.violations.map((v) => v.path).sort()).toEqual(["account_sid", "muted", "status"]);
    expect(failure.message).toContain("status: must be one of in-progress, completed");
  });

  it("rejects a Telnyx participant that drifted", async () => {
    current().reply = () => ({ body: { ...responseExample("telnyx", 200, "mute"), hold: "no" } });
    await expect(update("telnyx", { validateResponses: true })).rejects.toMatchObject({
      name: "ResponseValidationError",
      violations: [{ path: "hold", expected: "boolean", received: '"no"' }],
    });
  });

  it("is off by default: the same drifted body arrives as data", async () => {
    current().reply = () => ({ body: drifted });
    const { data } = await update("signalwire");
    expect(data).toEqual(drifted);
  });
});

describe("timeouts and aborts", () => {
  it("timeoutMs aborts a call whose answer never comes", async () => {
    current().reply = () => ({ hang: "headers" });
    await expect(update("signalwire", { timeoutMs: 50 })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(current().requests).toHaveLength(1);
  });

  it("timeoutMs also covers a body that stops half way", async () => {
    current().reply = () => ({ hang: "body" });
    await expect(update("telnyx", { timeoutMs: 50 })).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("a call's signal aborts it in flight, with the signal's reason", async () => {
    current().reply = () => ({ hang: "headers" });
    const controller = new AbortController();
    const call = update("telnyx", { timeoutMs: 10_000 }, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("caller gave up"));
    await expect(call).rejects.toThrow("caller gave up");
  });

  it("an already aborted signal sends nothing", async () => {
    await expect(update("signalwire", {}, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
    expect(current().requests).toEqual([]);
  });
});

describe("network failures", () => {
  it("reject (openapi-fetch's behaviour) rather than resolving", async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const telnyx = createTelnyxClient({ apiKey: "KEY-telnyx", accountSid: ACCOUNT, baseUrl: closed.origin });
    await expect(telnyx.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL })).rejects.toThrow("fetch failed");
  });
});

describe("a response body larger than maxResponseBytes", () => {
  /** A server that streams an endless JSON-looking 200 (bounded at 64 MiB) and counts what it wrote. */
  async function streamingServer() {
    const written = { bytes: 0, stoppedEarly: false };
    const chunk = Buffer.alloc(64 * 1024, "a");
    const server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const pump = () => {
        while (written.bytes < 64 * 1024 * 1024) {
          if (res.destroyed) {
            written.stoppedEarly = true;
            return;
          }
          written.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        if (!res.writableFinished) written.stoppedEarly = true;
      });
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    };
    return { origin, written, close };
  }

  it.each([
    ["a limit given", 256 * 1024, 256 * 1024],
    ["the default of 4 MiB", undefined, 4 * 1024 * 1024],
  ])("is cut off and rejects with a ResponseTooLargeError (%s)", async (_, maxResponseBytes, limit) => {
    const server = await streamingServer();
    try {
      const rejection = createTelnyxClient({
        apiKey: "KEY-telnyx",
        accountSid: ACCOUNT,
        baseUrl: server.origin,
        ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
      })
        .updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: { Muted: true } })
        .catch((error: unknown) => error);
      const error = await rejection;
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toBeInstanceOf(ConferenceParticipantsError);
      expect(error).toMatchObject({ maxResponseBytes: limit, violations: [{ code: "invalid_value", path: "" }] });
      expect((error as ResponseTooLargeError).response.status).toBe(200);
      for (let i = 0; i < 100 && !server.written.stoppedEarly; i++) await new Promise((done) => setTimeout(done, 20));
      expect(server.written.stoppedEarly).toBe(true);
      expect(server.written.bytes).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it.each([0, -1, 1.5, "1024"])("refuses maxResponseBytes %j", (maxResponseBytes) => {
    expect(() => createTelnyxClient({ apiKey: "KEY-telnyx", accountSid: ACCOUNT, maxResponseBytes: maxResponseBytes as number })).toThrow(
      /maxResponseBytes: must be a positive whole number of bytes/,
    );
  });
});

/** A server on 127.0.0.1 that answers as `handle` says, for one test; `close` ends its connections too. */
async function startServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => handle(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { origin, close };
}

/** An origin on 127.0.0.1 where nobody listens: a port just released. */
async function closedOrigin(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.origin;
}

const telnyxAt = (baseUrl: string, options: ClientOptions = {}) =>
  createTelnyxClient({ apiKey: "KEY-telnyx", accountSid: ACCOUNT, baseUrl, ...options }).updateParticipant({
    conferenceSid: CONFERENCE,
    callSid: CALL,
    body: { Muted: true },
  });

describe("a compressed body is limited as decoded", () => {
  // One gzip member of 1 MiB of zeros (about 1 kB); members in a row decode to their sum (RFC 1952).
  const member = gzipSync(Buffer.alloc(1024 * 1024));

  it("a gzip bomb whose Content-Length is within the limit rejects with a ResponseTooLargeError, read only past the limit", async () => {
    // 200 members: about 200 kB sent, 200 MiB decoded. The server writes 10 (10 MiB decoded, over the default
    // 4 MiB), then waits: the call can only end if the client stops reading and closes the connection.
    const members = 200;
    const server = { written: 0, closedEarly: false };
    const bomb = await startServer((_, response) => {
      response.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        "Content-Length": String(member.length * members),
      });
      response.on("close", () => {
        server.closedEarly = !response.writableFinished;
      });
      for (; server.written < 10; server.written++) response.write(member);
    });
    try {
      const error = await telnyxAt(bomb.origin).catch((e: unknown) => e);
      expect(member.length * members).toBeLessThan(CLIENT_DEFAULTS.maxResponseBytes);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ maxResponseBytes: CLIENT_DEFAULTS.maxResponseBytes });
      expect((error as ResponseTooLargeError).response.headers.get("content-encoding")).toBe("gzip");
      for (let i = 0; i < 100 && !server.closedEarly; i++) await new Promise((done) => setTimeout(done, 20));
      expect(server).toEqual({ written: 10, closedEarly: true });
    } finally {
      await bomb.close();
    }
  });

  it("a limit given applies to the decoded bytes too", async () => {
    const answer = await startServer((_, response) => {
      response.writeHead(200, { "Content-Encoding": "gzip", "Content-Length": String(member.length) });
      response.end(member);
    });
    try {
      await expect(telnyxAt(answer.origin, { maxResponseBytes: 64 * 1024 })).rejects.toMatchObject({
        name: "ResponseTooLargeError",
        maxResponseBytes: 64 * 1024,
      });
    } finally {
      await answer.close();
    }
  });

  it("a compressed participant within the limit arrives decoded", async () => {
    const participant = responseExample("telnyx", 200, "mute");
    const body = gzipSync(JSON.stringify(participant));
    const answer = await startServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": String(body.length) });
      response.end(body);
    });
    try {
      const { data } = await telnyxAt(answer.origin, { validateResponses: true });
      expect(data).toEqual(participant);
    } finally {
      await answer.close();
    }
  });
});

describe("the client's timeout", () => {
  it("has a default, read from the package: 30 s, which a client made without timeoutMs runs with", () => {
    expect(CLIENT_DEFAULTS).toEqual({ timeoutMs: 30_000, maxResponseBytes: 4 * 1024 * 1024 });
    expect(Object.isFrozen(CLIENT_DEFAULTS)).toBe(true);
    const setup = {
      factory: "test",
      ownOptions: [],
      violations: [],
      credentials: { secret: "KEY-telnyx" },
      serverVariables: {},
      accountSid: ACCOUNT,
    };
    expect(configure("telnyx", {}, setup).timeoutMs).toBe(CLIENT_DEFAULTS.timeoutMs);
    expect(configure("telnyx", { timeoutMs: 0 }, setup).timeoutMs).toBe(0);
  });

  it("an answer that never comes rejects with the package's TimeoutError, a NetworkError", async () => {
    current().reply = () => ({ hang: "headers" });
    const error = await update("signalwire", { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isConferenceParticipantsError(error)).toBe(true);
    expect(error).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 50,
      code: "ETIMEDOUT",
      method: "POST",
      url: `${current().origin}${swPath(CALL)}`,
      response: undefined,
      violations: [],
    });
    expect((error as Error).message).toBe(`POST ${current().origin}${swPath(CALL)} got no answer within 50 ms (timeoutMs) (ETIMEDOUT)`);
  });

  it("a request left behind by a timeout has its connection closed once its answer comes", async () => {
    const held: ServerResponse[] = [];
    const closed = { connection: false };
    const server = await startServer((request, response) => {
      held.push(response);
      request.socket.on("close", () => {
        closed.connection = true;
      });
    });
    try {
      await expect(telnyxAt(server.origin, { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
      expect(closed.connection).toBe(false);
      held[0]!.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      held[0]!.write('{"muted":');
      for (let i = 0; i < 100 && !closed.connection; i++) await new Promise((done) => setTimeout(done, 20));
      expect(closed.connection).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("a body that never ends rejects the same way, with the response whose body stalled", async () => {
    current().reply = () => ({ hang: "body" });
    // Long enough for the head to arrive on a loaded machine: the deadline must fall while the body stalls.
    const error = (await update("telnyx", { timeoutMs: 500 }).catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.response?.status).toBe(200);
    expect(error.message).toContain("got a 200 answer whose body did not end within 500 ms");
  });

  it("timeoutMs: 0 turns it off: only the caller's signal ends the call, with its reason", async () => {
    current().reply = () => ({ hang: "headers" });
    const controller = new AbortController();
    const call = update("signalwire", { timeoutMs: 0 }, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect(error).toMatchObject({ name: "AbortError" });
  });

  it("the caller's abort stays the caller's: never wrapped, even with the default timeout running", async () => {
    current().reply = () => ({ hang: "body" });
    const controller = new AbortController();
    const call = update("telnyx", {}, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect(isConferenceParticipantsError(error)).toBe(false);
  });

  it.each([
    [2_147_483_648, "must be at most 2147483647 milliseconds (about 24.8 days), the longest a timer waits; 0 turns it off"],
    [Number.POSITIVE_INFINITY, "must be at most 2147483647 milliseconds (about 24.8 days), the longest a timer waits; 0 turns it off"],
    [Number.NaN, "must be a positive number of milliseconds"],
  ])("refuses timeoutMs %s", (timeoutMs, message) => {
    expect(() => createTelnyxClient({ apiKey: "KEY-telnyx", accountSid: ACCOUNT, timeoutMs })).toThrow(`timeoutMs: ${message}`);
  });
});

describe("network failures are the package's NetworkError", () => {
  it("a refused connection: method, URL, the cause's code, and a hint for a loopback address", async () => {
    const origin = await closedOrigin();
    const error = await telnyxAt(origin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(ConferenceParticipantsError);
    expect(isConferenceParticipantsError(error)).toBe(true);
    expect(error).toMatchObject({
      name: "NetworkError",
      method: "POST",
      url: `${origin}${txPath(CALL)}`,
      code: "ECONNREFUSED",
      hint: "is the mock running? (npx conference-participants mock)",
      response: undefined,
    });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `POST ${origin}${txPath(CALL)} failed: fetch failed (ECONNREFUSED): is the mock running? (npx conference-participants mock)`,
    );
  });

  it("a connection closed before any answer: the socket's code, no response", async () => {
    const server = await startServer((request) => request.socket.destroy());
    try {
      const error = await telnyxAt(server.origin).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: "UND_ERR_SOCKET", hint: undefined, response: undefined });
    } finally {
      await server.close();
    }
  });

  it("a connection closed half way through the answer's body: the response that began", async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      response.write('{"muted":', () => request.socket.destroy());
    });
    try {
      const error = await telnyxAt(server.origin).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ code: "UND_ERR_SOCKET", method: "POST" });
      expect((error as NetworkError).response?.status).toBe(200);
      expect((error as Error).message).toMatch(/ failed after a 200 answer began: terminated \(UND_ERR_SOCKET\)$/);
    } finally {
      await server.close();
    }
  });

  it("a name that does not resolve on the provider's own host: a hint about the network and baseUrl", async () => {
    // A real resolver failure: `.invalid` never resolves (RFC 6761).
    const cause = await fetch("https://example.invalid/").catch((e: unknown) => e);
    const url = `https://example.invalid${txPath(CALL)}?ignored=1#also`;
    const failed = { url, signal: undefined, timedOut: false, response: undefined };
    const onDefault = failureOf(cause, { method: "POST", defaultServer: true, timeoutMs: 30_000 }, failed);
    expect(onDefault).toBeInstanceOf(NetworkError);
    // ENOTFOUND where a resolver answers; EAI_AGAIN where none can be reached.
    expect((onDefault as NetworkError).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(onDefault).toMatchObject({
      url: `https://example.invalid${txPath(CALL)}`,
      hint: "example.invalid did not resolve: check the network, or set baseUrl to the address of the mock or a proxy",
      cause,
    });
    const onGiven = failureOf(cause, { method: "POST", defaultServer: false, timeoutMs: 30_000 }, failed);
    expect(onGiven).toMatchObject({ code: (onDefault as NetworkError).code, hint: undefined });
  });

  it("a chunked body cut off the same way", async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"muted":', () => request.socket.destroy());
    });
    try {
      await expect(telnyxAt(server.origin)).rejects.toMatchObject({ name: "NetworkError", code: "UND_ERR_SOCKET" });
    } finally {
      await server.close();
    }
  });
});
