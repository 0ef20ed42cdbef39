/**
 * What the client gives back, over real HTTP on 127.0.0.1: error bodies typed and intact, bodies that are
 * not JSON, drift caught by `validateResponses`, timeouts, aborts and network failures.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient, type ClientOptions } from "../src/index.js";
import type { Provider } from "../src/contract/providers.js";
import { ResponseValidationError } from "../src/errors/response-validation-error.js";
import { ConferenceParticipantsError, ResponseTooLargeError } from "../src/index.js";
import { ACCOUNT, CONFERENCE, CALL } from "./fixtures/ids.js";
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
