/**
 * What the client puts on the wire, checked by a recording server on 127.0.0.1: the seeds' six scenarios
 * for both providers (method, path, headers, body) and what comes back in `data`; path encoding; the base URL
 * and the server URL.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient, createTwilioClient } from "../src/client/index.js";
import { ClientOptionsError } from "../src/errors/index.js";
import {
  ACCOUNT,
  CONFERENCE,
  CALL,
  COACHED,
  TW_ACCOUNT,
  TW_CALLS,
  TW_CONFERENCE,
  TW_TOKEN,
  swPath,
  twPath,
  txPath,
} from "./fixtures/ids.js";
import { startRecordingServer, useRecordingServer } from "./helpers/recording-server.js";
import { responseExample } from "./fixtures/client/spec-examples.js";

const TOKEN = "PT0123456789abcdef0123456789abcdef";
const TELNYX_KEY = "KEY0123456789ABCDEF_secret";
const TELNYX_CALL = "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ";
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string }).version;

const current = useRecordingServer();

const signalwire = () => createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: TOKEN, baseUrl: current().origin });
const telnyx = () => createTelnyxClient({ apiKey: TELNYX_KEY, accountSid: ACCOUNT, baseUrl: current().origin });

// The seeds' six scenarios (seed 003's samples; the barge as the Node SDK sends it), with the exact bytes each must send.
const signalwireScenarios = [
  { scenario: "update", body: {}, wire: "" },
  {
    scenario: "coaching",
    body: { Muted: false, Coaching: true, Beep: false, CallSidToCoach: COACHED },
    wire: `Muted=false&Coaching=true&Beep=false&CallSidToCoach=${COACHED}`,
  },
  {
    scenario: "monitoring",
    body: { Muted: true, Coaching: true, Beep: false, CallSidToCoach: COACHED },
    wire: `Muted=true&Coaching=true&Beep=false&CallSidToCoach=${COACHED}`,
  },
  { scenario: "barge", body: { Muted: false, Coaching: false, CallSidToCoach: "" }, wire: "Muted=false&Coaching=false&CallSidToCoach=" },
  { scenario: "mute", body: { Muted: true }, wire: "Muted=true" },
  {
    scenario: "holdWithMusic",
    body: { Hold: true, HoldUrl: "http://www.your-application.com/hold" },
    wire: "Hold=true&HoldUrl=http%3A%2F%2Fwww.your-application.com%2Fhold",
  },
] as const;

// The same scenarios for Telnyx, which has no Beep field (decision 8) and coaches by call-control id.
const telnyxScenarios = [
  { scenario: "update", body: {}, wire: "" },
  {
    scenario: "coaching",
    body: { Muted: false, Coaching: true, CallSidToCoach: "v3:mock-participant-2" },
    wire: "Muted=false&Coaching=true&CallSidToCoach=v3%3Amock-participant-2",
  },
  {
    scenario: "monitoring",
    body: { Muted: true, Coaching: true, CallSidToCoach: "v3:mock-participant-2" },
    wire: "Muted=true&Coaching=true&CallSidToCoach=v3%3Amock-participant-2",
  },
  { scenario: "barge", body: { Muted: false, Coaching: false, CallSidToCoach: "" }, wire: "Muted=false&Coaching=false&CallSidToCoach=" },
  { scenario: "mute", body: { Muted: true }, wire: "Muted=true" },
  {
    scenario: "holdWithMusic",
    body: { Hold: true, HoldUrl: "https://www.your-application.com/hold.mp3", HoldMethod: "GET" },
    wire: "Hold=true&HoldUrl=https%3A%2F%2Fwww.your-application.com%2Fhold.mp3&HoldMethod=GET",
  },
] as const;

describe("SignalWire: the seed scenarios on the wire", () => {
  it.each(signalwireScenarios)("$scenario", async ({ scenario, body, wire }) => {
    const participant = responseExample("signalwire", 200, scenario);
    current().reply = () => ({ body: participant });
    const { data, error, response } = await signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(participant);
    expect(current().requests).toHaveLength(1);
    const [request] = current().requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${CALL}`);
    expect(request!.body).toBe(wire);
    expect(request!.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(wire)),
      authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}`,
      accept: "application/json",
    });
    expect(request!.headers["user-agent"]).toMatch(new RegExp(`^conference-participants/${VERSION.replace(/\./g, "\\.")} `));
  });
});

describe("Telnyx: the seed scenarios on the wire", () => {
  it.each(telnyxScenarios)("$scenario", async ({ body, wire }) => {
    const participant = responseExample("telnyx", 200, "mute");
    current().reply = () => ({ body: participant });
    const { data, error } = await telnyx().updateParticipant({ conferenceSid: CONFERENCE, callSid: TELNYX_CALL, body });
    expect(error).toBeUndefined();
    expect(data).toEqual(participant);
    expect(current().requests).toHaveLength(1);
    const [request] = current().requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`/v2/texml/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${encodeURIComponent(TELNYX_CALL)}`);
    expect(request!.body).toBe(wire);
    expect(request!.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(wire)),
      authorization: `Bearer ${TELNYX_KEY}`,
      accept: "application/json",
    });
    expect(request!.headers["user-agent"]).toMatch(new RegExp(`^conference-participants/${VERSION.replace(/\./g, "\\.")} `));
  });
});

describe("form bodies", () => {
  it("leaves unset fields out (never the text undefined or null)", async () => {
    await telnyx().updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: TELNYX_CALL,
      body: { Muted: true, Hold: undefined, HoldUrl: undefined },
    });
    expect(current().requests.map((r) => r.body)).toEqual(["Muted=true"]);
  });

  it("sends the body as it was when the call was made, not as changed afterwards", async () => {
    const body: { Muted?: boolean; HoldMethod?: string } = { Muted: true };
    const call = signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: body as { Muted: boolean } });
    body.HoldMethod = "PUT";
    await call;
    expect(current().requests.map((r) => r.body)).toEqual(["Muted=true"]);
  });
});

describe("path parameters", () => {
  const cases = [
    { id: "a/b?c#d", path: "a%2Fb%3Fc%23d" },
    { id: "label with spaces", path: "label%20with%20spaces" },
    { id: "%2e%2e", path: "%252e%252e" },
    { id: "..%2F..", path: "..%252F.." },
    { id: "{CallSid}", path: "%7BCallSid%7D" },
    { id: "é😀", path: "%C3%A9%F0%9F%98%80" },
  ];

  it.each(cases)("sends the call id $id as one segment: $path", async ({ id, path }) => {
    await signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: id, body: { Muted: true } });
    expect(current().requests.map((r) => r.url)).toEqual([
      `/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${path}`,
    ]);
  });

  it.each(cases)("sends the account and conference ids $id as one segment each", async ({ id, path }) => {
    await telnyx().updateParticipant({ accountSid: id, conferenceSid: id, callSid: CALL });
    expect(current().requests.map((r) => r.url)).toEqual([`/v2/texml/Accounts/${path}/Conferences/${path}/Participants/${CALL}`]);
  });

  it("uses the Project ID as the SignalWire account unless the call names another", async () => {
    await signalwire().updateParticipant({ accountSid: "other-account", conferenceSid: CONFERENCE, callSid: CALL });
    await signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(current().requests.map((r) => r.url.split("/")[5])).toEqual(["other-account", ACCOUNT]);
  });
});

describe("baseUrl", () => {
  it("replaces the origin only; a trailing slash is the same origin", async () => {
    const client = createTelnyxClient({ apiKey: TELNYX_KEY, accountSid: ACCOUNT, baseUrl: `${current().origin}/` });
    await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(current().requests.map((r) => r.url)).toEqual([`/v2/texml/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${CALL}`]);
  });

  it("accepts localhost", async () => {
    const client = createSignalWireClient({
      space: "example",
      projectId: ACCOUNT,
      apiToken: TOKEN,
      baseUrl: current().origin.replace("127.0.0.1", "localhost"),
    });
    const { response } = await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(response.status).toBe(200);
    expect(current().requests).toHaveLength(1);
  });

  it("without a baseUrl, calls the spec's server with the Space filled in", async () => {
    const seen: string[] = [];
    const client = createSignalWireClient({
      space: "my-space",
      projectId: ACCOUNT,
      apiToken: TOKEN,
      fetch: (request) => {
        seen.push(request.url);
        return fetch(new Request(request.url.replace("https://my-space.signalwire.com", current().origin), request));
      },
    });
    const { response } = await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: { Muted: true } });
    expect(seen).toEqual([
      `https://my-space.signalwire.com/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${CALL}`,
    ]);
    expect(response.status).toBe(200);
    expect(current().requests.map((r) => r.body)).toEqual(["Muted=true"]);
  });

  it("without a baseUrl, calls Telnyx's server under its /v2 path", async () => {
    const seen: string[] = [];
    const client = createTelnyxClient({
      apiKey: TELNYX_KEY,
      accountSid: ACCOUNT,
      fetch: (request) => {
        seen.push(request.url);
        return fetch(new Request(request.url.replace("https://api.telnyx.com", current().origin), request));
      },
    });
    await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(seen).toEqual([`https://api.telnyx.com/v2/texml/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${CALL}`]);
  });
});

describe("serverUrl", () => {
  const telnyxAt = (serverUrl: string) => createTelnyxClient({ apiKey: TELNYX_KEY, accountSid: ACCOUNT, serverUrl });
  const unversioned = (call: string) => txPath(call).replace(/^\/v2/, "");

  it("replaces the spec's server URL whole: a stub serving Telnyx's paths without /v2", async () => {
    const { error } = await telnyxAt(current().origin).updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: CALL,
      body: { Muted: true },
    });
    expect(error).toBeUndefined();
    expect(current().requests.map((r) => [r.method, r.url, r.body, r.headers.authorization])).toEqual([
      ["POST", unversioned(CALL), "Muted=true", `Bearer ${TELNYX_KEY}`],
    ]);
  });

  it("with /v2 it means what baseUrl means: the same bytes on the wire", async () => {
    const body = { Muted: true, Hold: false };
    await telnyxAt(`${current().origin}/v2`).updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body });
    await telnyx().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body });
    const [viaServerUrl, viaBaseUrl] = current().requests;
    expect(viaServerUrl!.url).toBe(txPath(CALL));
    expect(viaServerUrl).toEqual(viaBaseUrl);
  });

  it("tolerates a trailing slash", async () => {
    await telnyxAt(`${current().origin}/v2/`).updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(current().requests.map((r) => r.url)).toEqual([txPath(CALL)]);
  });

  it("puts a proxy's path in front of SignalWire's and Twilio's paths", async () => {
    const signalwire = createSignalWireClient({
      space: "example",
      projectId: ACCOUNT,
      apiToken: TOKEN,
      serverUrl: `${current().origin}/signalwire`,
    });
    const twilio = createTwilioClient({ accountSid: TW_ACCOUNT, authToken: TW_TOKEN, serverUrl: `${current().origin}/twilio/` });
    await signalwire.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: { Muted: true } });
    await twilio.updateParticipant({ conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[0], body: { Muted: true } });
    expect(current().requests.map((r) => r.url)).toEqual([`/signalwire${swPath(CALL)}`, `/twilio${twPath(TW_CALLS[0])}`]);
  });

  it("is what fetchClient sends to as well", async () => {
    const client = telnyxAt(current().origin);
    await client.fetchClient.POST(
      "/texml/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{call_sid_or_participant_label}",
      {
        params: { path: { account_sid: ACCOUNT, conference_sid: CONFERENCE, call_sid_or_participant_label: CALL } },
        body: { Muted: true },
      },
    );
    expect(current().requests.map((r) => [r.url, r.body])).toEqual([[unversioned(CALL), "Muted=true"]]);
  });

  it("cannot be given with baseUrl: refused, nothing sent", () => {
    expect(() =>
      createTelnyxClient({ apiKey: TELNYX_KEY, accountSid: ACCOUNT, baseUrl: current().origin, serverUrl: current().origin }),
    ).toThrow(ClientOptionsError);
    expect(current().requests).toEqual([]);
  });
});

describe("the underlying openapi-fetch client", () => {
  it("sends with the same server, credentials and form encoding", async () => {
    const client = signalwire();
    const { data } = await client.fetchClient.POST(
      "/api/laml/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}",
      {
        params: { path: { AccountSid: ACCOUNT, ConferenceSid: CONFERENCE, CallSid: CALL } },
        body: { Muted: true, Hold: undefined },
      },
    );
    expect(data).toEqual({});
    expect(current().requests).toHaveLength(1);
    expect(current().requests[0]!.body).toBe("Muted=true");
    expect(current().requests[0]!.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}`,
    });
  });

  it("keeps its middleware to its own calls: updateParticipant is not routed through it", async () => {
    const client = signalwire();
    client.fetchClient.use({
      onRequest: ({ request }) => {
        request.headers.set("X-Middleware", "yes");
        return request;
      },
    });
    await client.fetchClient.POST("/api/laml/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}", {
      params: { path: { AccountSid: ACCOUNT, ConferenceSid: CONFERENCE, CallSid: CALL } },
      body: { Muted: true },
    });
    await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: { Muted: true } });
    expect(current().requests.map((r) => [r.body, r.headers["x-middleware"]])).toEqual([
      ["Muted=true", "yes"],
      ["Muted=true", undefined],
    ]);
  });

  it("sends JSON when told to (Telnyx takes both)", async () => {
    const { error } = await telnyx().fetchClient.POST(
      "/texml/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{call_sid_or_participant_label}",
      {
        params: { path: { account_sid: ACCOUNT, conference_sid: CONFERENCE, call_sid_or_participant_label: CALL } },
        body: { Muted: true },
        headers: { "Content-Type": "application/json" },
      },
    );
    expect(error).toBeUndefined();
    expect(current().requests.map((r) => [r.headers["content-type"], r.body])).toEqual([["application/json", '{"Muted":true}']]);
  });
});

describe("redirects", () => {
  it("are answered as they are: neither the credentials nor the update follow them", async () => {
    const elsewhere = await startRecordingServer();
    try {
      current().reply = () => ({ status: 307, headers: { Location: `${elsewhere.origin}/stolen` }, body: "" });
      const { data, error, response } = await signalwire().updateParticipant({
        conferenceSid: CONFERENCE,
        callSid: CALL,
        body: { Muted: true },
      });
      expect(data).toBeUndefined();
      expect(error).toBe("");
      expect(response.status).toBe(307);
      expect(current().requests).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });
});
