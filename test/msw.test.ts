/**
 * The mock in-process through MSW (`conference-participants/msw`), with no port opened: this package's
 * client on the providers' real hosts, plain fetch, and SignalWire's, Telnyx's and Twilio's official Node SDKs update
 * participants, get the contract's 422, a fault's status, and show up in the journal.
 */
import { createRequire } from "node:module";
import { setupServer } from "msw/node";
import Telnyx from "telnyx";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import twilio from "twilio";
import { createSignalWireClient, createTelnyxClient, createTwilioClient } from "../src/client/index.js";
import { validateErrorBody, validateParticipant } from "../src/contract/validate.js";
import { createMswHandlers } from "../src/msw/index.js";
import {
  ACCOUNT,
  CONFERENCE,
  CREDENTIALS,
  SW_CALLS,
  SW_TOKEN,
  TW_ACCOUNT,
  TW_CALLS,
  TW_CONFERENCE,
  TW_LABEL,
  TX_CALLS,
  TX_KEY,
} from "./fixtures/ids.js";

const require = createRequire(import.meta.url);
const { RestClient } = require("@signalwire/compatibility-api") as {
  RestClient(user: string, token: string, options: { signalwireSpaceUrl: string }): SignalWireSdk;
};
interface SignalWireSdk {
  conferences(sid: string): { participants(sid: string): { update(options: Record<string, unknown>): Promise<Record<string, unknown>> } };
}

const mock = createMswHandlers();
const server = setupServer(...mock);
const listening = () => process.getActiveResourcesInfo().filter((resource) => resource === "TCPServerWrap").length;
const serversBefore = listening();

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  // MSW 2 on Node keeps an unread copy of each mocked response, so cancelling a body (as Telnyx's SDK does
  // before it retries) never settles (mswjs/interceptors#799). Reading the copies lets it settle.
  server.events.on("response:mocked", ({ response }) => void response.arrayBuffer().catch(() => undefined));
});
afterAll(() => server.close());
beforeEach(() => mock.reset());

const SW_URL = `https://example.signalwire.com/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${SW_CALLS[0]}`;
const basicAuth = `Basic ${btoa(`${ACCOUNT}:${SW_TOKEN}`)}`;
const signalwireSdk = () => RestClient(ACCOUNT, SW_TOKEN, { signalwireSpaceUrl: "example.signalwire.com" });
const telnyxSdk = (maxRetries = 0) => new Telnyx({ apiKey: TX_KEY, maxRetries });
const telnyxUpdate = (sdk: Telnyx, body: Record<string, unknown>) =>
  sdk.texml.accounts.conferences.participants.update(TX_CALLS[0], { account_sid: ACCOUNT, conference_sid: CONFERENCE, ...body });

describe("MSW handlers, in-process", () => {
  it("serve this package's client on the providers' real hosts", async () => {
    const signalwire = createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: SW_TOKEN, validateResponses: true });
    const sw = await signalwire.updateParticipant({ conferenceSid: CONFERENCE, callSid: SW_CALLS[0], body: { Muted: true } });
    expect(sw.data).toMatchObject({ muted: true, call_sid: SW_CALLS[0] });
    const telnyx = createTelnyxClient({ apiKey: TX_KEY, accountSid: ACCOUNT, validateResponses: true });
    const tx = await telnyx.updateParticipant({ conferenceSid: CONFERENCE, callSid: TX_CALLS[0], body: { Hold: true } });
    expect(tx.data).toMatchObject({ hold: true, call_sid: TX_CALLS[0] });
    expect(mock.requests().map((r) => [r.provider, r.status, r.body])).toEqual([
      ["signalwire", 200, "Muted=true"],
      ["telnyx", 200, "Hold=true"],
    ]);
  });

  it("serve plain fetch, and answer a bad update with the contract's 422 in the provider's format", async () => {
    const headers = { authorization: basicAuth, "content-type": "application/x-www-form-urlencoded" };
    const ok = await fetch(SW_URL, { method: "POST", headers, body: "Hold=True" });
    expect(ok.status).toBe(200);
    expect(validateParticipant("signalwire", await ok.json(), { strict: true })).toMatchObject({ ok: true, value: { hold: true } });
    const bad = await fetch(SW_URL, { method: "POST", headers, body: "Coaching=true&HoldMethod=PUT" });
    expect(bad.status).toBe(422);
    const error = await bad.json();
    expect(validateErrorBody("signalwire", error)).toMatchObject({ ok: true });
    expect(error.message).toContain("CallSidToCoach: is required when Coaching is true");
    expect(mock.requests()[1]).toMatchObject({ verdict: "invalid", status: 422 });
  });

  it("serve SignalWire's official Node SDK on its own path (/2010-04-01/…/{CallSid}.json)", async () => {
    const participant = await signalwireSdk().conferences(CONFERENCE).participants(SW_CALLS[0]).update({ muted: true, hold: true });
    expect(participant).toMatchObject({ muted: true, hold: true });
    const [entry] = mock.requests();
    expect(entry).toMatchObject({ provider: "signalwire", verdict: "valid", status: 200, body: "Muted=true&Hold=true" });
    expect(entry!.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${SW_CALLS[0]}.json`);
  });

  it("answer SignalWire's official Node SDK's bad update with the contract's 422", async () => {
    const refused = await signalwireSdk()
      .conferences(CONFERENCE)
      .participants(SW_CALLS[0])
      .update({ holdMethod: "PUT" })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422 });
    expect(mock.requests()).toMatchObject([{ verdict: "invalid", status: 422, body: "HoldMethod=PUT" }]);
  });

  it("serve Telnyx's official Node SDK, which gets the contract's 422 for coaching nobody", async () => {
    const participant = await telnyxUpdate(telnyxSdk(), { Muted: true });
    expect(participant).toMatchObject({ muted: true });
    const refused = await telnyxUpdate(telnyxSdk(), { Coaching: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422 });
    expect(validateErrorBody("telnyx", (refused as { error: unknown }).error)).toMatchObject({ ok: true });
    expect(mock.requests().map((r) => [r.verdict, r.status])).toEqual([
      ["valid", 200],
      ["invalid", 422],
    ]);
  });

  it("play a fault on the SDKs: SignalWire's gets the 503, Telnyx's gets the 429 and, by default, retries", async () => {
    mock.addFault({ provider: "signalwire", status: 503 });
    const failed = await signalwireSdk()
      .conferences(CONFERENCE)
      .participants(SW_CALLS[0])
      .update({ muted: true })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ status: 503 });
    mock.addFault({ provider: "telnyx", status: 429, retryAfter: 0 });
    const retried = await telnyxUpdate(telnyxSdk(2), { Muted: true });
    expect(retried).toMatchObject({ muted: true });
    expect(mock.requests().map((r) => [r.provider, r.status, r.fault === null])).toEqual([
      ["signalwire", 503, false],
      ["telnyx", 429, false],
      ["telnyx", 200, true],
    ]);
  });

  it("turn a reset fault into a network error", async () => {
    mock.addFault({ drop: "reset" });
    await expect(fetch(SW_URL, { method: "POST", headers: { authorization: basicAuth } })).rejects.toThrow(TypeError);
  });

  it("share state with the controls: an ended conference refuses updates", async () => {
    expect(mock.endConference(CONFERENCE, "telnyx")).toBe(2);
    const refused = await telnyxUpdate(telnyxSdk(), { Muted: true }).catch((error: unknown) => error);
    expect((refused as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect(validateErrorBody("telnyx", (refused as { error: unknown }).error)).toMatchObject({ ok: true });
  });

  it("serve Twilio's official Node SDK on api.twilio.com, unchanged: mute, coach, and Twilio's errors", async () => {
    const client = twilio(TW_ACCOUNT, CREDENTIALS.twilioAuthToken);
    const participant = (call: string) => client.conferences(TW_CONFERENCE).participants(call);
    expect((await participant(TW_LABEL).update({ muted: true })).muted).toBe(true);
    const coached = await participant(TW_CALLS[0]).update({ coaching: true, callSidToCoach: TW_CALLS[1] });
    expect([coached.coaching, coached.callSidToCoach]).toEqual([true, TW_CALLS[1]]);
    const alone = await participant(TW_CALLS[0])
      .update({ coaching: true })
      .catch((error: unknown) => error);
    expect(alone).toMatchObject({ status: 422, code: 20422 });
    const unknown = await participant(`CA${"9".repeat(32)}`)
      .update({ muted: true })
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404, code: 20404 });
    expect(mock.requests().map((r) => [r.provider, r.status])).toEqual([
      ["twilio", 200],
      ["twilio", 200],
      ["twilio", 422],
      ["twilio", 404],
    ]);
  });

  it("serve this package's Twilio client on api.twilio.com", async () => {
    const client = createTwilioClient({ accountSid: TW_ACCOUNT, authToken: CREDENTIALS.twilioAuthToken, validateResponses: true });
    const { data } = await client.updateParticipant({ conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[1], body: { Hold: true } });
    expect(data).toMatchObject({ hold: true, call_sid: TW_CALLS[1] });
  });

  it("refuse an update whose conference ends while its body arrives, as the provider refuses an ended one", async () => {
    let push!: (text: string) => void;
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
        finish = () => controller.close();
      },
    });
    const headers = { authorization: basicAuth, "content-type": "application/x-www-form-urlencoded" };
    const pending = fetch(SW_URL, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    push("Muted=tr");
    await new Promise((done) => setTimeout(done, 50));
    expect(mock.endConference(CONFERENCE, "signalwire")).toBe(2);
    push("ue");
    finish();
    const response = await pending;
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 10000 });
    expect(mock.requests().map((r) => [r.verdict, r.status])).toEqual([["valid", 422]]);
  });

  it("answer a body over 64 KiB with 413 at once, and journal it", async () => {
    const headers = { authorization: basicAuth, "content-type": "application/x-www-form-urlencoded" };
    const response = await fetch(SW_URL, { method: "POST", headers, body: `Muted=true&x=${"a".repeat(200 * 1024)}` });
    expect(response.status).toBe(413);
    expect(validateErrorBody("signalwire", await response.json())).toMatchObject({ ok: true });
    expect(mock.requests().map((r) => r.status)).toEqual([413]);
  });

  it("answer JSON nested past the documented depth with 400, not a crash", async () => {
    const headers = { authorization: basicAuth, "content-type": "application/json" };
    const response = await fetch(SW_URL, { method: "POST", headers, body: `${'{"a":'.repeat(4000)}1${"}".repeat(4000)}` });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("nested deeper than");
  });

  it("opened no port", () => {
    expect(listening()).toBe(serversBefore);
  });
});
