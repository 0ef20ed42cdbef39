/**
 * The mock under hostile and concurrent traffic, bounded: 2,400 generated malformed requests (seeded, so a
 * failure replays) never get a 5xx or crash it, and leave every participant as the valid updates among
 * them left it; 500 concurrent updates of one participant all answer validly and leave one of them.
 */
import { Agent } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useMockServer } from "./helpers/mock-server.js";
import { providers, type Provider } from "../src/contract/providers.js";
import { basic, bearer, expectValidResponse, send, type RawRequest, type RawResponse } from "./helpers/http.js";
import {
  ACCOUNT,
  SW_CALLS,
  SW_TOKEN,
  TW_ACCOUNT,
  TW_CALLS,
  TW_TOKEN,
  TX_CALLS,
  TX_KEY,
  swPath,
  swSdkPath,
  twPath,
  txPath,
} from "./fixtures/ids.js";

const RUNS = 2400;
const CALLS: Record<Provider, readonly string[]> = { signalwire: SW_CALLS, telnyx: TX_CALLS, twilio: TW_CALLS };
const AUTH: Record<Provider, string> = {
  signalwire: basic(ACCOUNT, SW_TOKEN),
  telnyx: bearer(TX_KEY),
  twilio: basic(TW_ACCOUNT, TW_TOKEN),
};
const PATHS: Record<Provider, (call: string) => string[]> = {
  signalwire: (call) => [swPath(call), `${swPath(call)}.json`, swSdkPath(call)],
  telnyx: (call) => [txPath(call), `${txPath(call)}.json`],
  twilio: (call) => [twPath(call)],
};
const pathsOf = (provider: Provider, call: string) => PATHS[provider](call);

const mock = useMockServer();

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const nastyKeys = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "__proto__[Muted]",
  "constructor.prototype",
  "toString",
  "hasOwnProperty",
  "HoldURL",
  "muted",
  "",
);
const nastyValues = fc.constantFrom(
  "%",
  "%zz",
  "%E0%A4%A",
  "%00",
  "true",
  "TRUE",
  "tRuE",
  "yes",
  "1",
  "",
  "null",
  "undefined",
  "http://",
  "GET",
  "put",
  "\u0000",
  "😀",
);

function fieldArbitrary(provider: Provider): fc.Arbitrary<[string, string]> {
  const known = Object.keys(providers[provider].requestFields);
  return fc.tuple(
    fc.oneof(fc.constantFrom(...known), nastyKeys, printable),
    fc.oneof(nastyValues, fc.string({ maxLength: 30 }), fc.constantFrom(...CALLS[provider])),
  );
}

/** A valid update: a few fields with values the contract accepts, coaching another participant of the conference. */
function validUpdate(provider: Provider, call: string): fc.Arbitrary<string> {
  const others = CALLS[provider].filter((c) => c !== call);
  return fc
    .record(
      {
        Muted: fc.constantFrom("true", "false", "True", "FALSE"),
        Hold: fc.constantFrom("true", "false"),
        HoldUrl: fc.constant("https://example.com/hold.mp3"),
        HoldMethod: fc.constantFrom("GET", "POST"),
        coach: fc.oneof(
          fc.constant({ Coaching: "false" }),
          fc.constant({ CallSidToCoach: "" }),
          fc.constantFrom(...others).map((c) => ({ Coaching: "true", CallSidToCoach: c })),
        ),
      },
      { requiredKeys: [] },
    )
    .map(({ coach, ...fields }) => new URLSearchParams({ ...fields, ...(coach ?? {}) }).toString());
}

function bodyArbitrary(provider: Provider, call: string): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    { weight: 6, arbitrary: validUpdate(provider, call) },
    {
      weight: 6,
      arbitrary: fc
        .array(fieldArbitrary(provider), { maxLength: 6 })
        .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
    },
    {
      weight: 4,
      arbitrary: fc.array(fieldArbitrary(provider), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    },
    { weight: 3, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"Muted":true}}',
        '{"constructor":{"prototype":{"Muted":true}}}',
        '{"Muted":true,"Muted":false}',
        "[".repeat(5000),
        '{"a":'.repeat(3000),
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom("", "&&&", "=", "==&=") },
    { weight: 1, arbitrary: fc.integer({ min: 64 * 1024 - 8, max: 300 * 1024 }).map((n) => Buffer.alloc(n, "M")) },
  );
}

const headerArbitrary = (provider: Provider): fc.Arbitrary<Record<string, string>> =>
  fc
    .record({
      authorization: fc.oneof(
        { weight: 6, arbitrary: fc.constant(AUTH[provider]) },
        { weight: 1, arbitrary: fc.constant(AUTH[provider === "signalwire" ? "telnyx" : "signalwire"]) },
        { weight: 1, arbitrary: printable },
        { weight: 1, arbitrary: printable.map((s) => `Basic ${Buffer.from(s).toString("base64")}`) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      "content-type": fc.oneof(
        { weight: 6, arbitrary: fc.constant("application/x-www-form-urlencoded") },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            "application/json",
            "application/json; charset=utf-8",
            "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8",
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "multipart/form-data; boundary=x", ";", "application/jsonx") },
        { weight: 1, arbitrary: printable },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      chunked: fc.boolean(),
    })
    .map(({ chunked, ...headers }) => {
      const out: Record<string, string> = chunked ? { "transfer-encoding": "chunked" } : {};
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
      return out;
    });

const segmentMutation = fc.oneof(
  fc.constantFrom("%", "%zz", "%E0%A4%A", "__proto__", "constructor", "..", ".", "", "a".repeat(3000), "%2F", "?", "#"),
  printable.map((s) => encodeURIComponent(s)),
);

function pathArbitrary(provider: Provider, call: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pathsOf(provider, call)) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...pathsOf(provider, call)), fc.nat(12), segmentMutation).map(([path, at, segment]) => {
        const parts = path.split("/");
        parts[1 + (at % (parts.length - 1))] = segment;
        return parts.join("/");
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...pathsOf(provider, call)).map((p) => `${p}/`) },
    { weight: 1, arbitrary: fc.constantFrom(...pathsOf(provider, call)).map((p) => `${p}?Muted=true`) },
    { weight: 1, arbitrary: printable.map((s) => `/${encodeURI(s)}`) },
  );
}

const requestArbitrary: fc.Arbitrary<{ provider: Provider; req: RawRequest }> = fc
  .constantFrom<Provider>("signalwire", "telnyx")
  .chain((provider) =>
    fc.constantFrom(...CALLS[provider]).chain((call) =>
      fc.record({
        provider: fc.constant(provider),
        req: fc.record({
          method: fc.oneof(
            { weight: 9, arbitrary: fc.constant("POST") },
            { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS") },
          ),
          path: pathArbitrary(provider, call),
          headers: headerArbitrary(provider),
          body: bodyArbitrary(provider, call),
        }),
      }),
    ),
  );

const readAll = async () => {
  const state = new Map<string, unknown>();
  for (const provider of ["signalwire", "telnyx"] as const) {
    for (const call of CALLS[provider]) {
      const response = await send(mock.url, { path: pathsOf(provider, call)[0]!, headers: { authorization: AUTH[provider] } });
      expect(response.status).toBe(200);
      state.set((response.json as { uri: string }).uri, response.json);
    }
  }
  return state;
};

/** `/api/…` and `/2010-04-01/…` are SignalWire's paths, `/v2/…` Telnyx's; any other path gets SignalWire's (Twilio's) format. */
function providerOfFirstSegment(path: string): Provider {
  return path.split("/")[1] === "v2" ? "telnyx" : "signalwire";
}

describe("generated malformed requests", () => {
  it(`never answer 5xx, always answer in the spec, and change participants only by valid updates (${RUNS} requests)`, async () => {
    const expected = await readAll();
    const requests = fc.sample(requestArbitrary, { numRuns: RUNS, seed: 20261123 });
    const statuses = new Map<number, number>();
    for (const { provider, req } of requests) {
      let response: RawResponse;
      try {
        response = await send(mock.url, req);
      } catch (error) {
        // A 413 may close the socket while a large body is still being written; the status was sent first.
        if (Buffer.byteLength(req.body ?? "") > 64 * 1024 && /EPIPE|ECONNRESET/.test(String(error))) continue;
        throw error;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      // A mutated path may match no operation: it is answered in the format of the provider its first segment names.
      expectValidResponse(response, providerOfFirstSegment(req.path) ?? provider);
      if (response.status === 200) expected.set((response.json as { uri: string }).uri, response.json);
    }
    expect(await readAll()).toEqual(expected);
    // The traffic reached every kind of answer, so the run proves something about each.
    for (const status of [200, 400, 401, 404, 405, 413, 415, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  });
});

describe("concurrent updates", () => {
  it("500 concurrent updates of one participant: each answers validly, and the final state is one of theirs", async () => {
    const wide = new Agent({ keepAlive: true, maxSockets: 500 });
    const updates = fc.sample(validUpdate("signalwire", SW_CALLS[0]), { numRuns: 500, seed: 7 });
    const path = swPath(SW_CALLS[0]);
    const headers = { authorization: AUTH.signalwire, "content-type": "application/x-www-form-urlencoded" };
    const responses = await Promise.all(updates.map((body) => send(mock.url, { path, headers, body }, wide)));
    wide.destroy();
    for (const response of responses) {
      expectValidResponse(response, "signalwire");
      expect(response.status).toBe(200);
    }
    const final = (await send(mock.url, { path, headers: { authorization: AUTH.signalwire } })).json;
    expect(responses.map((r) => r.json)).toContainEqual(final);
  });
});
