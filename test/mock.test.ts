/**
 * The mock server over real HTTP on 127.0.0.1: routes, credentials, resources, the contract, state, and
 * that every response it sends validates against the spec.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockServer } from "../src/mock/index.js";
import { startTestMock, useMockServer } from "./helpers/mock-server.js";
import type { Provider } from "../src/contract/providers.js";
import { basic, bearer, expectValidResponse, form, send, type RawRequest } from "./helpers/http.js";
import { ACCOUNT, CONFERENCE, SW_CALLS, SW_TOKEN, TX_CALLS, TX_KEY, UNKNOWN_SW_CALL, swPath, swSdkPath, txPath } from "./fixtures/ids.js";

const FORM = "application/x-www-form-urlencoded";
const SW_AUTH = { authorization: basic(ACCOUNT, SW_TOKEN) };
const TX_AUTH = { authorization: bearer(TX_KEY) };

const mock = useMockServer();

/** Sends, checks the response against the spec, and returns it. */
async function call(provider: Provider | undefined, req: RawRequest) {
  const response = await send(mock.url, req);
  expectValidResponse(response, provider);
  return response;
}
const sw = (call_: string, body: Record<string, string>, path = swPath(call_)) =>
  call("signalwire", { path, headers: { ...SW_AUTH, "content-type": FORM }, body: form(body) });
const tx = (call_: string, body: Record<string, string>) =>
  call("telnyx", { path: txPath(call_), headers: { ...TX_AUTH, "content-type": FORM }, body: form(body) });
const read = (provider: Provider, call_: string) =>
  provider === "signalwire"
    ? call(provider, { path: swPath(call_), headers: SW_AUTH })
    : call(provider, { path: txPath(call_), headers: TX_AUTH });

describe("routes", () => {
  it.each([
    ["SignalWire's documented path", "signalwire", swPath(SW_CALLS[0]), SW_AUTH],
    ["SignalWire's .json path", "signalwire", `${swPath(SW_CALLS[0])}.json`, SW_AUTH],
    ["the SDKs' path without /api/laml", "signalwire", swSdkPath(SW_CALLS[0]), SW_AUTH],
    ["Telnyx's path", "telnyx", txPath(TX_CALLS[0]), TX_AUTH],
    ["Telnyx's path with the colon percent-encoded", "telnyx", txPath(encodeURIComponent(TX_CALLS[0])), TX_AUTH],
  ] as const)("answers on %s", async (_name, provider, path, headers) => {
    const response = await call(provider, { path, headers });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ account_sid: ACCOUNT, conference_sid: CONFERENCE });
  });

  it("gives each participant its provider's uri", async () => {
    expect((await read("signalwire", SW_CALLS[0])).json).toMatchObject({ uri: `${swPath(SW_CALLS[0])}.json` });
    expect((await read("telnyx", TX_CALLS[0])).json).toMatchObject({ uri: `${txPath(TX_CALLS[0])}.json` });
  });

  it.each([
    ["/v2/nothing/here", "telnyx"],
    ["/api/laml/2010-04-01/Accounts", "signalwire"],
    ["/2010-04-01/Accounts/x.json", "signalwire"],
    ["/nothing", undefined],
  ] as const)("answers an unknown path %s with a 404 in the format of the provider it resembles (%s)", async (path, provider) => {
    const response = await call(provider, { path, headers: SW_AUTH });
    expect(response.status).toBe(404);
    if (provider === undefined) expect(response.json).toMatchObject({ code: 20404, status: 404 });
  });

  it("answers other methods with 405 and Allow: POST", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await call("signalwire", { method, path: swPath(SW_CALLS[0]), headers: SW_AUTH });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("POST");
    }
  });
});

describe("credentials", () => {
  it.each([
    ["no Authorization", "signalwire", swPath(SW_CALLS[0]), {}],
    ["a wrong token", "signalwire", swPath(SW_CALLS[0]), { authorization: basic(ACCOUNT, "wrong") }],
    ["a wrong project id", "signalwire", swPath(SW_CALLS[0]), { authorization: basic("b3877c40-da60-4998-90ad-b792e98472aa", SW_TOKEN) }],
    ["Bearer instead of Basic", "signalwire", swPath(SW_CALLS[0]), { authorization: bearer(SW_TOKEN) }],
    ["garbage", "signalwire", swPath(SW_CALLS[0]), { authorization: "Basic %%%" }],
    ["no Authorization", "telnyx", txPath(TX_CALLS[0]), {}],
    ["a wrong key", "telnyx", txPath(TX_CALLS[0]), { authorization: bearer("KEYwrong") }],
    ["SignalWire's credentials", "telnyx", txPath(TX_CALLS[0]), SW_AUTH],
  ] as const)("401 for %s (%s)", async (_name, provider, path, headers) => {
    const response = await call(provider, { path, headers });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain(SW_TOKEN);
    expect(response.text).not.toContain(TX_KEY);
  });

  it("challenges Basic clients with WWW-Authenticate", async () => {
    const response = await call("signalwire", { path: swPath(SW_CALLS[0]) });
    expect(response.headers["www-authenticate"]).toMatch(/^Basic realm=/);
  });

  it("reads the auth scheme in any letter case, as RFC 9110 allows", async () => {
    const response = await call("telnyx", { path: txPath(TX_CALLS[0]), headers: { authorization: `bearer ${TX_KEY}` } });
    expect(response.status).toBe(200);
  });
});

describe("resources", () => {
  const other = UNKNOWN_SW_CALL;
  it.each([
    ["an unknown account", "signalwire", swPath(SW_CALLS[0], other), SW_AUTH],
    ["an unknown conference", "signalwire", swPath(SW_CALLS[0], ACCOUNT, other), SW_AUTH],
    ["an unknown participant", "signalwire", swPath(other), SW_AUTH],
    ["a participant id that is not a UUID", "signalwire", swPath("not-a-uuid"), SW_AUTH],
    ["an unknown account", "telnyx", txPath(TX_CALLS[0], other), TX_AUTH],
    ["an unknown participant", "telnyx", txPath("v3:nobody"), TX_AUTH],
  ] as const)("404 for %s (%s)", async (_name, provider, path, headers) => {
    const response = await call(provider, { path, headers });
    expect(response.status).toBe(404);
  });

  it("answers Telnyx's 404 as a live TeXML 404 does, with code 10005", async () => {
    const response = await call("telnyx", { path: txPath("v3:nobody"), headers: TX_AUTH });
    expect(response.json).toEqual({ errors: [{ code: "10005", title: "Resource not found", detail: "Resource not found" }] });
  });
});

describe("the contract", () => {
  it("422 naming every violation, in SignalWire's error format", async () => {
    const response = await sw(SW_CALLS[0], { HoldMethod: "PUT", HoldURL: "http://x", Coaching: "true" });
    expect(response.status).toBe(422);
    const message = (response.json as { message: string }).message;
    expect(message).toContain("HoldMethod: must be one of GET, POST");
    expect(message).toContain("did you mean HoldUrl?");
    expect(message).toContain("CallSidToCoach: is required when Coaching is true");
  });

  it("422 with one error per violation, each pointing at its field, in Telnyx's format", async () => {
    const response = await tx(TX_CALLS[0], { HoldMethod: "PUT", Muted: "yes" });
    expect(response.status).toBe(422);
    const errors = (response.json as { errors: { source: { pointer: string }; detail: string }[] }).errors;
    expect(errors.map((e) => e.source.pointer).sort()).toEqual(["/HoldMethod", "/Muted"]);
    expect(errors.find((e) => e.source.pointer === "/Muted")?.detail).toContain('"yes"');
  });

  it.each([
    ["a repeated field", "Muted=true&Muted=false", "Muted: is repeated"],
    ["a malformed percent-escape", "Muted=%zz", "Muted: has a malformed percent-escape"],
  ])("400 for %s on SignalWire", async (_name, body, message) => {
    const response = await call("signalwire", { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": FORM }, body });
    expect(response.status).toBe(400);
    expect((response.json as { message: string }).message).toContain(message);
  });

  it.each([
    ["signalwire", SW_CALLS[1]],
    ["telnyx", TX_CALLS[1]],
  ] as const)("accepts an empty WaitUrl, play nothing while waiting (%s)", async (provider, own) => {
    const response = await (provider === "signalwire" ? sw : tx)(own, { WaitUrl: "" });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      "SignalWire, as its Python SDK sent it (path without .json)",
      "signalwire",
      swPath(SW_CALLS[1]),
      SW_AUTH,
      { Muted: true },
      { muted: true },
    ],
    [
      "Telnyx, as its Python SDK sends it",
      "telnyx",
      txPath(TX_CALLS[1]),
      TX_AUTH,
      { EndConferenceOnExit: true },
      { end_conference_on_exit: true },
    ],
  ] as const)("accepts a JSON body on %s", async (_name, provider, path, auth, update, changed) => {
    const headers = { ...auth, "content-type": "application/json; charset=utf-8" };
    const response = await call(provider, { path, headers, body: JSON.stringify(update) });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject(changed);
  });

  it.each([
    ["invalid JSON", "{", 400, "is not valid JSON"],
    ["a JSON array", "[]", 422, "must be an object"],
    ["a JSON string", '"Muted=true"', 422, "must be an object"],
    ["a __proto__ key", '{"__proto__":{"Muted":true}}', 422, "__proto__: is not a field"],
  ])("answers %s on Telnyx with %i", async (_name, body, status, detail) => {
    const response = await call("telnyx", { path: txPath(TX_CALLS[0]), headers: { ...TX_AUTH, "content-type": "application/json" }, body });
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.json)).toContain(detail);
  });

  it.each([
    ["text/plain on SignalWire", "signalwire", swPath(SW_CALLS[0]), SW_AUTH, "text/plain", "Muted=true"],
    ["text/plain on Telnyx", "telnyx", txPath(TX_CALLS[0]), TX_AUTH, "text/plain", "Muted=true"],
    ["a body with no Content-Type", "signalwire", swPath(SW_CALLS[0]), SW_AUTH, undefined, "Muted=true"],
  ] as const)("415 for %s", async (_name, provider, path, auth, contentType, body) => {
    const headers: Record<string, string> = { ...auth };
    if (contentType !== undefined) headers["content-type"] = contentType;
    const response = await call(provider, { path, headers, body });
    expect(response.status).toBe(415);
  });

  it("413 for a body over 64 KiB", async () => {
    const body = `HoldUrl=http://example.com/${"a".repeat(70 * 1024)}`;
    const response = await call("signalwire", { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": FORM }, body });
    expect(response.status).toBe(413);
  });

  it.each([
    ["a call that does not exist", "signalwire", UNKNOWN_SW_CALL, "is not a participant of conference"],
    ["the participant itself", "signalwire", SW_CALLS[0], "cannot be the participant itself"],
    ["a call that does not exist", "telnyx", "v3:nobody", "is not a participant of conference"],
  ] as const)("422 when CallSidToCoach is %s (%s)", async (_name, provider, target, message) => {
    const own = provider === "signalwire" ? SW_CALLS[0] : TX_CALLS[0];
    const response = await (provider === "signalwire" ? sw : tx)(own, { Coaching: "true", CallSidToCoach: target });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.json)).toContain(`CallSidToCoach: ${message}`);
  });
});

describe("error codes (spec decisions 15 and 16)", () => {
  const swForm = { ...SW_AUTH, "content-type": FORM };
  const txJson = { ...TX_AUTH, "content-type": "application/json" };
  it.each([
    ["signalwire", "no credentials", { path: swPath(SW_CALLS[0]) }, 401, [20003]],
    ["signalwire", "an unknown participant", { path: swPath("x"), headers: SW_AUTH }, 404, [20404]],
    ["signalwire", "another method", { method: "GET", path: swPath(SW_CALLS[0]), headers: SW_AUTH }, 405, [20001]],
    [
      "signalwire",
      "text/plain",
      { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": "text/plain" }, body: "x" },
      415,
      [20001],
    ],
    ["signalwire", "a repeated field", { path: swPath(SW_CALLS[0]), headers: swForm, body: "Muted=true&Muted=false" }, 400, [10000]],
    [
      "signalwire",
      "invalid JSON",
      { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": "application/json" }, body: "{" },
      400,
      [10000],
    ],
    ["signalwire", "a contract violation", { path: swPath(SW_CALLS[0]), headers: swForm, body: "Hold=1" }, 422, [10000]],
    [
      "signalwire",
      "a coached call not in the conference",
      { path: swPath(SW_CALLS[0]), headers: swForm, body: `CallSidToCoach=${UNKNOWN_SW_CALL}` },
      422,
      [16002],
    ],
    ["telnyx", "no credentials", { path: txPath(TX_CALLS[0]) }, 401, ["10009"]],
    ["telnyx", "an unknown participant", { path: txPath("v3:nobody"), headers: TX_AUTH }, 404, ["10005"]],
    ["telnyx", "another method", { method: "PUT", path: txPath(TX_CALLS[0]), headers: TX_AUTH }, 405, []],
    [
      "telnyx",
      "text/plain",
      { path: txPath(TX_CALLS[0]), headers: { ...TX_AUTH, "content-type": "text/plain" }, body: "x" },
      415,
      ["10014"],
    ],
    ["telnyx", "invalid JSON", { path: txPath(TX_CALLS[0]), headers: txJson, body: "{" }, 400, ["10015"]],
    [
      "telnyx",
      "two contract violations",
      { path: txPath(TX_CALLS[0]), headers: txJson, body: '{"Hold":1,"Muted":2}' },
      422,
      ["10015", "10015"],
    ],
  ] as const)("%s answers %s with %i and its code", async (provider, _name, req, status, codes) => {
    const response = await call(provider, req as RawRequest);
    expect(response.status).toBe(status);
    const body = response.json as { code?: number; errors?: { code?: string }[] };
    expect(provider === "signalwire" ? [body.code] : body.errors!.flatMap((e) => (e.code === undefined ? [] : [e.code]))).toEqual(codes);
  });

  it("names Telnyx's 401 as Telnyx words it", async () => {
    const response = await call("telnyx", { path: txPath(TX_CALLS[0]) });
    expect(response.json).toEqual({
      errors: [{ code: "10009", title: "Authentication failed", detail: "Could not understand the provided credentials." }],
    });
  });
});

describe("state", () => {
  it("keeps an update and shows it in later responses", async () => {
    const before = (await read("signalwire", SW_CALLS[1])).json as Record<string, unknown>;
    const updated = await sw(SW_CALLS[1], { Muted: "True", Hold: "true", HoldUrl: "http://www.your-application.com/hold" });
    expect(updated.json).toMatchObject({ muted: true, hold: true, date_created: before.date_created });
    expect((await read("signalwire", SW_CALLS[1])).json).toEqual(updated.json);
    await sw(SW_CALLS[1], { Muted: "false", Hold: "false" });
  });

  it("coaches, then barges with an empty CallSidToCoach (the seeds' samples)", async () => {
    const coaching = await sw(
      SW_CALLS[0],
      { Muted: "False", Coaching: "True", Beep: "False", CallSidToCoach: SW_CALLS[1] },
      swSdkPath(SW_CALLS[0]),
    );
    expect(coaching.json).toMatchObject({ coaching: true, call_sid_to_coach: SW_CALLS[1], muted: false });
    const barged = await sw(SW_CALLS[0], { Muted: "False", Coaching: "False", CallSidToCoach: "" });
    expect(barged.json).toMatchObject({ coaching: false, call_sid_to_coach: null });
  });

  it("coaches on Telnyx with coaching_call_sid, and clears it when coaching stops", async () => {
    const coaching = await tx(TX_CALLS[0], { Coaching: "true", CallSidToCoach: TX_CALLS[1] });
    expect(coaching.json).toMatchObject({ coaching: true, coaching_call_sid: TX_CALLS[1] });
    const stopped = await tx(TX_CALLS[0], { CallSidToCoach: "" });
    expect(stopped.json).toMatchObject({ coaching: false });
    expect(stopped.json).not.toHaveProperty("coaching_call_sid");
  });

  it("starts coaching on a CallSidToCoach sent without Coaching (decision 7)", async () => {
    const coaching = await sw(SW_CALLS[1], { CallSidToCoach: SW_CALLS[0] });
    expect(coaching.json).toMatchObject({ coaching: true, call_sid_to_coach: SW_CALLS[0] });
    const stopped = await sw(SW_CALLS[1], { Coaching: "false" });
    expect(stopped.json).toMatchObject({ coaching: false, call_sid_to_coach: null });
  });

  it("changes nothing on a rejected update", async () => {
    const before = (await read("telnyx", TX_CALLS[1])).json;
    const rejected = await tx(TX_CALLS[1], { Muted: "true", Hold: "true", HoldMethod: "PUT" });
    expect(rejected.status).toBe(422);
    expect((await read("telnyx", TX_CALLS[1])).json).toEqual(before);
  });
});

describe("fixtures", () => {
  const file = join(import.meta.dirname, "fixtures", "mock", "two-accounts.json");
  let own: MockServer;
  beforeAll(async () => {
    own = await startTestMock({ fixtures: file });
  });
  afterAll(() => own.close());

  it("starts participants with the fixture's properties", async () => {
    const response = await send(own.url, { path: swPath(SW_CALLS[0]), headers: SW_AUTH });
    expectValidResponse(response, "signalwire");
    expect(response.json).toMatchObject({ muted: true });
  });

  it("serves a Telnyx participant label, percent-encoded", async () => {
    const response = await send(own.url, { path: txPath(encodeURIComponent("agent label")), headers: TX_AUTH });
    expectValidResponse(response, "telnyx");
    expect(response.json).toMatchObject({ call_sid: "agent label" });
  });

  it.each([
    [
      "signalwire",
      swPath("c0ffee00-da60-4998-90ad-b792e98472ca", "c0ffee00-da60-4998-90ad-b792e98472af", "c0ffee00-da60-4998-90ad-b792e98472cf"),
      SW_AUTH,
    ],
    ["telnyx", txPath("v3:other-account", "c0ffee00-da60-4998-90ad-b792e98472af", "c0ffee00-da60-4998-90ad-b792e98472cf"), TX_AUTH],
  ] as const)("hides another account's participants behind a 404 (%s)", async (provider, path, headers) => {
    const response = await send(own.url, { path, headers });
    expectValidResponse(response, provider);
    expect(response.status).toBe(404);
  });

  it.each([
    ["a typo in a property", join(import.meta.dirname, "fixtures", "mock", "typo.json"), /participants\[0\]: mutd: is not a field/],
    ["a missing file", join(import.meta.dirname, "fixtures", "mock", "missing.json"), /cannot read fixtures file .*ENOENT/],
  ])("refuses fixtures with %s, naming the entry", async (_name, fixtures, message) => {
    await expect(startTestMock({ fixtures })).rejects.toThrow(message);
  });

  it("refuses fixtures that are not the documented shape", async () => {
    await expect(startTestMock({ fixtures: { signalwire: { accounts: [{ sid: "x" }] } } as never })).rejects.toThrow(
      "signalwire.accounts[0].conferences must be an array",
    );
  });
});

describe("a conference that has ended", () => {
  let own: MockServer;
  beforeAll(async () => {
    own = await startTestMock();
    own.endConference(CONFERENCE);
  });
  afterAll(() => own.close());

  it.each([
    ["SignalWire", "signalwire", swPath(SW_CALLS[1]), SW_AUTH, 422, { code: 10000, status: 422 }],
    [
      "Telnyx",
      "telnyx",
      txPath(TX_CALLS[1]),
      TX_AUTH,
      400,
      {
        errors: [
          {
            code: "90019",
            title: "Conference has already ended",
            detail: "This conference is no longer active and can't receive commands.",
          },
        ],
      },
    ],
  ] as const)(
    "answers an update of its participant as %s does (decisions 15 and 16)",
    async (_name, provider, path, auth, status, body) => {
      const response = await send(own.url, { path, headers: { ...auth, "content-type": FORM }, body: "Muted=true" });
      expectValidResponse(response, provider);
      expect(response.status).toBe(status);
      expect(response.json).toMatchObject(body);
    },
  );
});

describe("start banner and files", () => {
  it("prints the address, the docs and a curl line with the default test credentials", async () => {
    let printed = "";
    const own = await startTestMock({ log: (text) => (printed += text) });
    await own.close();
    expect(printed).toContain(`listening on ${own.url}`);
    expect(printed).toContain(`${own.url}/docs`);
    expect(printed).toContain(`curl -X POST "${own.url}${swPath(SW_CALLS[0])}.json" -u "${ACCOUNT}:${SW_TOKEN}"`);
    expect(printed).toContain(`Authorization: Bearer ${TX_KEY}`);
  });

  it("never prints credentials the user passed", async () => {
    let printed = "";
    const own = await startTestMock({
      apiToken: "secret-token-1",
      telnyxApiKey: "secret-key-2",
      log: (text) => (printed += text),
    });
    const ok = await send(own.url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, "secret-token-1") } });
    await own.close();
    expect(ok.status).toBe(200);
    expect(printed).not.toMatch(/secret-token-1|secret-key-2|PTmock|KEYmock/);
    expect(printed).toContain(`-u "${ACCOUNT}:<your API token>"`);
    expect(printed).toContain("Bearer <your API key>");
  });

  it("serves the bundled spec at /openapi.json", async () => {
    const response = await send(mock.url, { method: "GET", path: "/openapi.json" });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ openapi: "3.1.0" });
  });

  it("serves each per-provider document as generated, and 404 for a document that does not exist", async () => {
    for (const file of ["signalwire.openapi.json", "telnyx.openapi.json", "twilio.openapi.json"]) {
      const response = await send(mock.url, { method: "GET", path: `/${file}` });
      expect(response.status).toBe(200);
      expect(response.text).toBe(readFileSync(join(import.meta.dirname, "..", "generated", file), "utf8"));
    }
    expect((await send(mock.url, { method: "GET", path: "/plivo.openapi.json" })).status).toBe(404);
  });

  it("redirects /docs to /docs/, and refuses paths out of the docs folder", async () => {
    const redirect = await send(mock.url, { method: "GET", path: "/docs" });
    expect([redirect.status, redirect.headers.location]).toEqual([302, "/docs/"]);
    const traversal = await send(mock.url, { method: "GET", path: "/docs/..%2f..%2fpackage.json" });
    expect(traversal.status).toBe(404);
    expect(traversal.text).not.toContain("conference-participants");
  });
});

describe("the mock tells its user what it does", () => {
  it("prints a line per request: method, path, status, the violations' codes and the time taken", async () => {
    const lines: string[] = [];
    const own = await startTestMock({ log: (text) => lines.push(text) });
    try {
      await send(own.url, { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": FORM }, body: "Muted=true" });
      await send(own.url, { path: swPath(SW_CALLS[0]), headers: { ...SW_AUTH, "content-type": FORM }, body: "Coaching=true&Mutd=1" });
    } finally {
      await own.close();
    }
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^POST ${swPath(SW_CALLS[0])} 200 \\(\\d+\\.\\d ms\\)$`)),
      expect.stringMatching(/^POST \S+ 422 invalid: unknown_field, required \(\d+\.\d ms\)$/),
    ]);
  });

  it("prints no request lines with logRequests: false", async () => {
    const lines: string[] = [];
    const own = await startTestMock({ log: (text) => lines.push(text), logRequests: false });
    await send(own.url, { path: swPath(SW_CALLS[0]), headers: SW_AUTH });
    await own.close();
    expect(lines).toHaveLength(1);
  });

  it("opens a fixtures file's own account with the built-in credentials, and prints them", async () => {
    const account = "c0ffee00-da60-4998-90ad-b792e98472af";
    const fixtures = {
      signalwire: { accounts: [{ sid: account, conferences: [{ sid: CONFERENCE, participants: [{ call_sid: SW_CALLS[0] }] }] }] },
    };
    let printed = "";
    const own = await startTestMock({ fixtures, log: (text) => (printed += text), logRequests: false });
    try {
      const response = await send(own.url, { path: swPath(SW_CALLS[0], account), headers: { authorization: basic(account, SW_TOKEN) } });
      expect(response.status).toBe(200);
      expect(printed).toContain(`-u "${account}:${SW_TOKEN}"`);
    } finally {
      await own.close();
    }
  });

  it("refuses to start when the credentials' account is none of the fixtures', naming the option", async () => {
    const fixtures = {
      signalwire: { accounts: [{ sid: ACCOUNT, conferences: [{ sid: CONFERENCE, participants: [{ call_sid: SW_CALLS[0] }] }] }] },
    };
    await expect(startTestMock({ fixtures, projectId: "c0ffee00-da60-4998-90ad-b792e98472af" })).rejects.toThrow(
      /projectId \(--project-id\) "c0ffee00-da60-4998-90ad-b792e98472af" names no signalwire account of the fixtures \(b3877c40/,
    );
  });

  it("prints the built-in API token beside a Project ID the user gave, since it applies", async () => {
    let printed = "";
    const own = await startTestMock({ projectId: ACCOUNT, log: (text) => (printed += text), logRequests: false });
    await own.close();
    expect(printed).toContain(`-u "${ACCOUNT}:${SW_TOKEN}"`);
  });

  it("words each lifecycle refusal for what happened: an ended conference, a participant that left", async () => {
    const own = await startTestMock({ logRequests: false });
    try {
      own.leaveConference(CONFERENCE, SW_CALLS[1], "signalwire");
      const left = await send(own.url, { path: swPath(SW_CALLS[1]), headers: SW_AUTH });
      expect([left.status, (left.json as { message: string }).message]).toEqual([
        404,
        `The participant ${SW_CALLS[1]} has left the conference ${CONFERENCE}.`,
      ]);
      own.endConference(CONFERENCE, "signalwire");
      const ended = await send(own.url, { path: swPath(SW_CALLS[0]), headers: SW_AUTH });
      expect([ended.status, (ended.json as { message: string }).message]).toEqual([
        422,
        `The conference ${CONFERENCE} has ended; its participants cannot be updated.`,
      ]);
    } finally {
      await own.close();
    }
  });
});
