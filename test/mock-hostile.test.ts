/**
 * The mock against hostile bytes over raw sockets (node:net, 127.0.0.1): each rule of "never tell a client one
 * thing and store another", and the statuses a real HTTP server answers. Every loop is bounded in count and
 * time, and every server is closed by its test.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_VIOLATIONS } from "../src/contract/violations.js";
import { providers } from "../src/contract/providers.js";
import { validateErrorBody, validateUpdateRequest } from "../src/contract/validate.js";
import type { MockServer } from "../src/mock/index.js";
import { startTestMock, useMockServer } from "./helpers/mock-server.js";
import {
  ACCOUNT,
  CONFERENCE,
  SW_CALLS,
  SW_TOKEN,
  TW_ACCOUNT,
  TW_CALLS,
  TW_CONFERENCE,
  TW_TOKEN,
  TX_CALLS,
  TX_KEY,
  UNKNOWN_SW_CALL,
  swPath,
  twPath,
  txPath,
} from "./fixtures/ids.js";
import { basic, bearer, send } from "./helpers/http.js";
import { exchange, rawRequest } from "./helpers/raw-socket.js";

const _root = join(import.meta.dirname, "..");
const SW_AUTH = basic(ACCOUNT, SW_TOKEN);
const TX_AUTH = bearer(TX_KEY);
const FORM = "application/x-www-form-urlencoded";
const update = (path: string, auth: string, body: string, headers: Record<string, string | null> = {}) =>
  rawRequest("POST", path, { authorization: auth, "content-type": FORM, ...headers }, body);
const muted = async (mock: MockServer, path: string, auth: string) =>
  ((await send(mock.url, { path, headers: { authorization: auth } })).json as { muted: boolean }).muted;

const mock = useMockServer({ requestTimeoutMs: 400 });

describe("an update that is stored is answered, whatever follows it on the connection", () => {
  const followers: [string, string][] = [
    ["bytes that are not HTTP", "\x00\x01 NOT HTTP AT ALL\r\n\r\n"],
    ["a header section over the limit", `POST / HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(20 * 1024)}\r\n\r\n`],
    [
      "a request with both Transfer-Encoding and Content-Length",
      "POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\ncontent-length: 3\r\n\r\n0\r\n\r\n",
    ],
  ];
  it.each(followers)("followed by %s: the 200 of the stored update arrives, then the connection closes", async (_, follower) => {
    await mock.reset();
    const path = swPath(SW_CALLS[0]);
    const result = await exchange(mock.url, [update(path, SW_AUTH, "Muted=true") + follower]);
    expect(result.closedByServer).toBe(true);
    expect(result.answers.map((a) => a.status)).toEqual([200]);
    expect(JSON.parse(result.answers[0]!.body)).toMatchObject({ call_sid: SW_CALLS[0], muted: true });
    expect(await muted(mock, path, SW_AUTH)).toBe(true);
  });

  it("a connection-level error with nothing pending is answered in JSON, then the connection closes", async () => {
    const result = await exchange(mock.url, ["\x00\x01 NOT HTTP\r\n\r\n"]);
    expect(result.closedByServer).toBe(true);
    expect(result.answers).toHaveLength(1);
    expect(result.answers[0]).toMatchObject({ status: 400, headers: { "content-type": "application/json", connection: "close" } });
    expect(validateErrorBody("signalwire", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
  });
});

describe("a call id ending in .json: the exact id wins", () => {
  const account = ACCOUNT;
  const conference = CONFERENCE;
  it.each([
    ["agent.json listed first", ["agent.json", "agent"]],
    ["agent listed first", ["agent", "agent.json"]],
  ])("with Telnyx participants agent and agent.json (%s), each update reaches its own participant", async (_, calls) => {
    const own = await startTestMock({
      fixtures: {
        telnyx: { accounts: [{ sid: account, conferences: [{ sid: conference, participants: calls.map((call_sid) => ({ call_sid })) }] }] },
      },
    });
    try {
      const first = await exchange(own.url, [update(txPath("agent.json"), TX_AUTH, "Muted=true", { connection: "close" })]);
      expect(first.answers.map((a) => [a.status, JSON.parse(a.body).call_sid])).toEqual([[200, "agent.json"]]);
      expect(await muted(own, txPath("agent"), TX_AUTH)).toBe(false);
      const second = await exchange(own.url, [update(txPath("agent"), TX_AUTH, "Hold=true", { connection: "close" })]);
      expect(second.answers.map((a) => [a.status, JSON.parse(a.body).call_sid, JSON.parse(a.body).muted])).toEqual([[200, "agent", false]]);
    } finally {
      await own.close();
    }
  });

  it("without a participant agent.json, …/agent.json is the participant agent", async () => {
    const own = await startTestMock({
      fixtures: { telnyx: { accounts: [{ sid: account, conferences: [{ sid: conference, participants: [{ call_sid: "agent" }] }] }] } },
    });
    try {
      const result = await exchange(own.url, [update(txPath("agent.json"), TX_AUTH, "Muted=true", { connection: "close" })]);
      expect(result.answers.map((a) => [a.status, JSON.parse(a.body).call_sid, JSON.parse(a.body).muted])).toEqual([[200, "agent", true]]);
    } finally {
      await own.close();
    }
  });
});

describe("validation is linear and its report bounded", () => {
  const unknownKeys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}=x`).join("&");

  it.each([
    ["signalwire", swPath(SW_CALLS[0]), SW_AUTH],
    ["telnyx", txPath(TX_CALLS[0]), TX_AUTH],
  ] as const)(
    "%s: a 64 KiB body of ~9,000 unknown keys gets a 422 listing 100 violations and how many more",
    async (provider, path, auth) => {
      const body = unknownKeys(9_000)
        .slice(0, 64 * 1024)
        .replace(/&[^&]*$/, "");
      const keys = body.split("&").length;
      expect(keys).toBeGreaterThan(8_000);
      const result = await exchange(mock.url, [update(path, auth, body, { connection: "close" })]);
      const [answer] = result.answers;
      expect(answer?.status).toBe(422);
      expect(answer!.body.length).toBeLessThan(32 * 1024);
      const json = JSON.parse(answer!.body);
      expect(validateErrorBody(provider, json)).toMatchObject({ ok: true });
      const text = provider === "telnyx" ? json.errors.map((e: { detail: string }) => e.detail).join("\n") : json.message;
      expect(text).toContain(`${keys - MAX_VIOLATIONS} more violations`);
      if (provider === "telnyx") expect(json.errors).toHaveLength(MAX_VIOLATIONS + 1);
    },
  );

  it("validateUpdateRequest with 8,000 unknown keys reports 100 of them and one too_many_violations", () => {
    const body = Object.fromEntries(Array.from({ length: 8_000 }, (_, i) => [`k${i}`, "x"]));
    for (const input of [body, unknownKeys(8_000)]) {
      const result = validateUpdateRequest("signalwire", input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(MAX_VIOLATIONS + 1);
      expect(result.errors.slice(0, -1).every((e) => e.code === "unknown_field")).toBe(true);
      expect(result.errors.at(-1)).toMatchObject({ code: "too_many_violations", received: "8000 violations" });
      expect(JSON.stringify(result).length).toBeLessThan(16 * 1024);
    }
  });
});

describe("shutdown answers what was received", () => {
  it("close() answers the requests in flight (each closing its connection), closes idle connections and resolves", async () => {
    const own = await startTestMock();
    const count = 8;
    // Long enough that the answers are still owed when close() comes, even on a loaded machine.
    own.addFault({ delayMs: 1_000, times: count });
    const idle = exchange(own.url, [rawRequest("GET", "/__admin/faults", {})]);
    const inFlight = Array.from({ length: count }, () => exchange(own.url, [update(swPath(SW_CALLS[1]), SW_AUTH, "Muted=true")]));
    for (let i = 0; i < 100 && own.requests().length < count; i++) await new Promise((done) => setTimeout(done, 20));
    expect(own.requests()).toHaveLength(count);
    await own.close();
    for (const result of await Promise.all(inFlight)) {
      expect(result.closedByServer).toBe(true);
      expect(result.answers.map((a) => [a.status, a.headers.connection])).toEqual([[200, "close"]]);
    }
    const idleResult = await idle;
    expect(idleResult.closedByServer).toBe(true);
    expect(idleResult.answers.map((a) => a.status)).toEqual([200]);
  });
});

describe("Basic credentials: only RFC 7617's padded standard base64", () => {
  const encoded = Buffer.from(`${ACCOUNT}:${SW_TOKEN}`).toString("base64");
  const forms: [string, string][] = [
    ["followed by !!!!", `${encoded}!!!!`],
    ["with ! between the characters", encoded.split("").join("!")],
    ["in the URL-safe alphabet", Buffer.from(`${ACCOUNT}:${SW_TOKEN}`).toString("base64url")],
    ["with junk after the padding", `${Buffer.from(`${ACCOUNT}:${SW_TOKEN}x`).toString("base64")}AAAA`],
    ["without its padding", encoded.replace(/=+$/, "")],
  ];
  it.each(forms.filter(([, form]) => form !== encoded))("the right credentials %s are refused with 401", async (_, form) => {
    const result = await exchange(mock.url, [update(swPath(SW_CALLS[0]), `Basic ${form}`, "Muted=true", { connection: "close" })]);
    expect(result.answers.map((a) => a.status)).toEqual([401]);
  });

  it("the same credentials in padded standard base64 are accepted", async () => {
    const result = await exchange(mock.url, [update(swPath(SW_CALLS[0]), `Basic ${encoded}`, "Muted=true", { connection: "close" })]);
    expect(result.answers.map((a) => a.status)).toEqual([200]);
  });
});

describe("the statuses of a real HTTP server", () => {
  it("a header section over the limit answers 431 in JSON", async () => {
    const result = await exchange(mock.url, [
      rawRequest("POST", txPath(TX_CALLS[0]), { authorization: TX_AUTH, "x-big": "a".repeat(20 * 1024) }),
    ]);
    expect(result.answers).toHaveLength(1);
    expect(result.answers[0]!.status).toBe(431);
    expect(validateErrorBody("telnyx", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
    expect(Object.keys(providers.telnyx.responses)).toContain("431");
  });

  it("a body not received in time answers 408, stores nothing, and the journal says 408", async () => {
    await mock.reset();
    const path = swPath(SW_CALLS[0]);
    const head = rawRequest("POST", path, { authorization: SW_AUTH, "content-type": FORM, "content-length": "100" });
    const result = await exchange(mock.url, [`${head}Muted=true`]);
    expect(result.closedByServer).toBe(true);
    expect(result.answers.map((a) => a.status)).toEqual([408]);
    expect(validateErrorBody("signalwire", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
    expect(Object.keys(providers.signalwire.responses)).toContain("408");
    expect(mock.requests().at(-1)).toMatchObject({ status: 408 });
    expect(await muted(mock, path, SW_AUTH)).toBe(false);
  });

  it("a chunked body whose framing breaks is answered 400 at once, stores nothing, and the connection closes", async () => {
    // A request timeout far beyond the exchange's bound: the answer cannot be the timeout's.
    const own = await startTestMock({ requestTimeoutMs: 60_000 });
    try {
      const path = swPath(SW_CALLS[0]);
      const head = rawRequest("POST", path, { authorization: SW_AUTH, "content-type": FORM, "transfer-encoding": "chunked" });
      const result = await exchange(own.url, [`${head}a\r\nMuted=true\r\nZZ\r\n`], 3_000);
      expect(result.closedByServer).toBe(true);
      expect(result.answers.map((a) => [a.status, a.headers.connection])).toEqual([[400, "close"]]);
      expect(validateErrorBody("signalwire", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
      expect(own.requests().at(-1)).toMatchObject({ status: 400 });
      expect(await muted(own, path, SW_AUTH)).toBe(false);
    } finally {
      await own.close();
    }
  });

  it("a client that goes away mid-body: nothing is stored, the journal says so, and the next request is served", async () => {
    await mock.reset();
    const path = swPath(SW_CALLS[0]);
    const head = rawRequest("POST", path, { authorization: SW_AUTH, "content-type": FORM, "content-length": "100" });
    // The exchange's bound (50 ms, well within the mock's 400 ms request timeout) closes the socket from the client's side.
    const result = await exchange(mock.url, [`${head}Muted=true`], 50);
    expect(result.closedByServer).toBe(false);
    await expect.poll(() => mock.requests().at(-1)?.status).toBe(400);
    expect(await muted(mock, path, SW_AUTH)).toBe(false);
  });

  it("a head not received in time answers 408", async () => {
    const result = await exchange(mock.url, [`POST ${swPath(SW_CALLS[0])} HTTP/1.1\r\nhost: x\r\n`]);
    expect(result.answers.map((a) => a.status)).toEqual([408]);
  });

  it("a request target in absolute form is routed by its path", async () => {
    await mock.reset();
    const target = `http://127.0.0.1${swPath(SW_CALLS[0])}`;
    const result = await exchange(mock.url, [update(target, SW_AUTH, "Muted=true", { connection: "close" })]);
    expect(result.answers.map((a) => [a.status, JSON.parse(a.body).muted])).toEqual([[200, true]]);
  });

  it("an HTTP/1.1 request without Host gets the JSON 400 of the provider its path resembles", async () => {
    const result = await exchange(mock.url, [rawRequest("POST", txPath(TX_CALLS[0]), { host: null, authorization: TX_AUTH })]);
    expect(result.answers).toHaveLength(1);
    expect(result.answers[0]).toMatchObject({ status: 400, headers: { "content-type": "application/json" } });
    expect(validateErrorBody("telnyx", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
  });

  it.each([
    ["401 (bad credentials)", "Bearer wrong", "5", 401],
    ["413 (a body over the limit)", TX_AUTH, String(1024 * 1024), 413],
  ])("Expect: 100-continue on a request refused with %s gets the final status, not 100 Continue", async (_, auth, length, status) => {
    const head = rawRequest("POST", txPath(TX_CALLS[0]), {
      authorization: auth,
      "content-type": FORM,
      "content-length": length,
      expect: "100-continue",
    });
    const result = await exchange(mock.url, [head]);
    expect(result.answers.map((a) => a.status)).toEqual([status]);
    expect(result.closedByServer).toBe(true);
  });

  it("Expect: 100-continue on an acceptable head gets 100 Continue, then the answer to the body", async () => {
    const head = rawRequest("POST", txPath(TX_CALLS[0]), {
      authorization: TX_AUTH,
      "content-type": FORM,
      "content-length": "10",
      expect: "100-continue",
      connection: "close",
    });
    const result = await exchange(mock.url, [head, 100, "Muted=true"]);
    expect(result.answers.map((a) => a.status)).toEqual([100, 200]);
  });
});

describe("Telnyx error pointers are JSON Pointers", () => {
  it("~ and / in a field name are escaped (a/b~c is /a~1b~0c)", async () => {
    const result = await exchange(mock.url, [update(txPath(TX_CALLS[0]), TX_AUTH, "a%2Fb~c=1", { connection: "close" })]);
    const json = JSON.parse(result.answers[0]!.body);
    expect(json.errors.map((e: { source: { pointer: string } }) => e.source.pointer)).toEqual(["/a~1b~0c"]);
  });
});

describe("an unknown route answers in the format of the provider its path resembles", () => {
  it.each([
    ["/v2/texml/nothing", "telnyx"],
    ["/api/laml/nothing", "signalwire"],
    ["/2010-04-01/nothing", "signalwire"],
    ["/nothing", "signalwire"],
  ] as const)("%s: %s's format", async (path, provider) => {
    const result = await exchange(mock.url, [rawRequest("POST", path, { connection: "close" })]);
    const json = JSON.parse(result.answers[0]!.body);
    expect(result.answers[0]!.status).toBe(404);
    expect(validateErrorBody(provider, json)).toMatchObject({ ok: true });
    expect(validateErrorBody(provider === "telnyx" ? "signalwire" : "telnyx", json).ok).toBe(false);
  });
});

describe("JSON bodies with a key given twice", () => {
  it.each([
    ["signalwire", swPath(SW_CALLS[0]), SW_AUTH],
    ["telnyx", txPath(TX_CALLS[0]), TX_AUTH],
  ] as const)("%s: answered 400 naming the repeated field, as a repeated form key, and nothing is stored", async (provider, path, auth) => {
    await mock.reset();
    const body = '{"Muted":"x","Muted":true}';
    const result = await exchange(mock.url, [update(path, auth, body, { "content-type": "application/json", connection: "close" })]);
    expect(result.answers.map((a) => a.status)).toEqual([400]);
    const json = JSON.parse(result.answers[0]!.body);
    expect(validateErrorBody(provider, json)).toMatchObject({ ok: true });
    expect(JSON.stringify(json)).toContain("Muted: is repeated; send each field once");
    expect(mock.requests().at(-1)?.violations).toMatchObject([{ code: "repeated_field", path: "Muted" }]);
    expect(await muted(mock, path, auth)).toBe(false);
  });
});

describe("JSON bodies that are not an object name what they are", () => {
  it.each([
    ["  \n", 400, "body: is empty (received only whitespace (3 characters))"],
    ["null", 422, "body: must be an object (received null)"],
    ["42", 422, "body: must be an object (received 42)"],
  ])("%j is answered %i, naming it", async (body, status, detail) => {
    const result = await exchange(mock.url, [
      update(txPath(TX_CALLS[0]), TX_AUTH, body, { "content-type": "application/json", connection: "close" }),
    ]);
    expect(result.answers.map((a) => a.status)).toEqual([status]);
    expect(JSON.parse(result.answers[0]!.body).errors).toMatchObject([{ detail }]);
  });
});

describe("an update racing the end of its conference gets the provider's 'ended' error and changes nothing", () => {
  const cases = [
    ["signalwire", swPath(SW_CALLS[0]), SW_AUTH, CONFERENCE, 422, 10000],
    ["telnyx", txPath(TX_CALLS[0]), TX_AUTH, CONFERENCE, 400, "90019"],
    ["twilio", twPath(TW_CALLS[1]), basic(TW_ACCOUNT, TW_TOKEN), TW_CONFERENCE, 400, 16099],
  ] as const;
  it.each(cases)("%s: the conference ends while the body arrives", async (provider, path, auth, conference, status, code) => {
    const own = await startTestMock();
    try {
      const body = "Muted=true&Hold=true";
      // Connection: close, so the exchange ends with the answer rather than at its bound.
      const head = update(path, auth, body, { connection: "close" }).slice(0, -body.length);
      // The conference ends once the head has been read (300 ms is ample even on a loaded machine), before
      // the rest of the body comes.
      const racing = exchange(own.url, [head, "Muted=tr", 600, "ue&Hold=true"]);
      await new Promise((done) => setTimeout(done, 300));
      expect(own.endConference(conference, provider)).toBeGreaterThan(0);
      const result = await racing;
      expect(result.answers.map((a) => a.status)).toEqual([status]);
      const answer = JSON.parse(result.answers[0]!.body) as { code?: unknown; errors?: { code?: unknown }[] };
      expect(answer.code ?? answer.errors?.[0]?.code).toBe(code);
      expect(own.requests().map((entry) => [entry.verdict, entry.status, entry.response.delivered])).toEqual([["valid", status, true]]);
    } finally {
      await own.close();
    }
  });
});

describe("every update the mock stored is answered, or the journal says it was not delivered", () => {
  const endings: [string, (own: MockServer) => (string | number)[]][] = [
    ["close()", () => []],
    ["garbage bytes after them", () => [50, "\x00\x01 NOT HTTP\r\n\r\n"]],
  ];
  it.each(endings)("two pipelined updates, the first delayed by a fault, then %s: both stored, both answered", async (ending, more) => {
    const own = await startTestMock();
    own.addFault({ delayMs: 300 });
    const path = swPath(SW_CALLS[0]);
    const sent = exchange(own.url, [update(path, SW_AUTH, "Muted=true") + update(path, SW_AUTH, "Hold=true"), ...more(own)]);
    await new Promise((done) => setTimeout(done, 100));
    const closing = ending === "close()" ? own.close() : undefined;
    const result = await sent;
    await (closing ?? own.close());
    expect(result.answers.map((a) => a.status)).toEqual([200, 200]);
    expect(JSON.parse(result.answers[1]!.body)).toMatchObject({ muted: true, hold: true });
    expect(own.requests().map((entry) => [entry.status, entry.response.delivered])).toEqual([
      [200, true],
      [200, true],
    ]);
  });

  it("under load, close() answers every update it stored", async () => {
    const own = await startTestMock();
    own.addFault({ delayMs: 200, times: 20 });
    const path = swPath(SW_CALLS[1]);
    const connections = Array.from({ length: 10 }, () =>
      exchange(own.url, [update(path, SW_AUTH, "Muted=true") + update(path, SW_AUTH, "Hold=true")]),
    );
    await new Promise((done) => setTimeout(done, 100));
    await own.close();
    const answered = (await Promise.all(connections)).flatMap((result) => result.answers.map((a) => a.status));
    const stored = own.requests().filter((entry) => entry.status === 200);
    expect(answered.filter((status) => status === 200)).toHaveLength(stored.length);
    expect(stored.every((entry) => entry.response.delivered)).toBe(true);
  });

  it("a client that goes away before its delayed answer leaves an entry that says it was not delivered", async () => {
    const own = await startTestMock();
    try {
      own.addFault({ delayMs: 300 });
      await exchange(own.url, [update(swPath(SW_CALLS[0]), SW_AUTH, "Muted=true")], 100);
      await new Promise((done) => setTimeout(done, 400));
      expect(own.requests().map((entry) => [entry.status, entry.response.delivered])).toEqual([[200, false]]);
    } finally {
      await own.close();
    }
  });
});

describe("faults are taken only by the updates they stand for", () => {
  it("a request with wrong credentials, or for a participant the mock does not have, leaves the fault for the real update", async () => {
    await mock.reset();
    mock.addFault({ provider: "signalwire", status: 503 });
    const path = swPath(SW_CALLS[0]);
    const wrong = await exchange(mock.url, [update(path, basic(ACCOUNT, "wrong"), "Muted=true", { connection: "close" })]);
    const unknown = await exchange(mock.url, [update(swPath(UNKNOWN_SW_CALL), SW_AUTH, "Muted=true", { connection: "close" })]);
    const real = await exchange(mock.url, [update(path, SW_AUTH, "Muted=true", { connection: "close" })]);
    expect([wrong, unknown, real].map((result) => result.answers[0]?.status)).toEqual([401, 404, 503]);
    expect(mock.faults()).toEqual([]);
  });

  it("a fault that says anyRequest is taken by the first request to the operation, whatever it carries", async () => {
    await mock.reset();
    mock.addFault({ provider: "signalwire", status: 503, anyRequest: true });
    const wrong = await exchange(mock.url, [update(swPath(SW_CALLS[0]), basic(ACCOUNT, "wrong"), "Muted=true", { connection: "close" })]);
    expect(wrong.answers[0]?.status).toBe(503);
    expect(mock.faults()).toEqual([]);
  });
});

describe("UUIDs compare case-insensitively (RFC 9562), as the contract's format: uuid reads them", () => {
  it("an upper-case path id and an upper-case CallSidToCoach name the seeded participants", async () => {
    await mock.reset();
    const upper = (id: string) => id.toUpperCase();
    const path = swPath(upper(SW_CALLS[0]), upper(ACCOUNT), upper(CONFERENCE));
    const result = await exchange(mock.url, [
      update(path, SW_AUTH, `Coaching=true&CallSidToCoach=${upper(SW_CALLS[1])}`, { connection: "close" }),
    ]);
    expect(result.answers.map((a) => a.status)).toEqual([200]);
    expect(JSON.parse(result.answers[0]!.body)).toMatchObject({ call_sid: SW_CALLS[0], coaching: true });
  });
});

describe("HTTP edges", () => {
  it.each([
    ["two Host headers", `POST ${swPath(SW_CALLS[0])} HTTP/1.1\r\nhost: 127.0.0.1\r\nhost: evil.example\r\ncontent-length: 0\r\n\r\n`, 400],
    ["an HTTP/2.0 request line", `POST ${swPath(SW_CALLS[0])} HTTP/2.0\r\nhost: 127.0.0.1\r\ncontent-length: 0\r\n\r\n`, 505],
    ["CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1\r\nhost: 127.0.0.1:443\r\n\r\n", 405],
  ])("%s is answered %d in JSON, never closed in silence", async (_name, raw, status) => {
    const result = await exchange(mock.url, [raw]);
    expect(result.answers.map((a) => [a.status, a.headers["content-type"]])).toEqual([[status, "application/json"]]);
    expect(validateErrorBody("signalwire", JSON.parse(result.answers[0]!.body))).toMatchObject({ ok: true });
  });

  it.each(["gzip", "br"])("a body with Content-Encoding %s is refused with 415 naming the encoding", async (coding) => {
    const result = await exchange(mock.url, [
      update(swPath(SW_CALLS[0]), SW_AUTH, "\x1f\x8b\x08binary", { "content-encoding": coding, connection: "close" }),
    ]);
    expect(result.answers.map((a) => a.status)).toEqual([415]);
    expect(JSON.parse(result.answers[0]!.body).message).toContain(`Content-Encoding "${coding}"`);
  });
});
