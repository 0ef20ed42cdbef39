/**
 * Twilio on the mock, over real HTTP on 127.0.0.1: its path, both of its Basic credentials, labels, its error
 * codes and format, the form-only body; and the path it shares with SignalWire's SDK, each answered as its
 * provider would. Labels on Telnyx's path too.
 */
import { describe, expect, it } from "vitest";
import { basic, bearer, expectValidResponse, form, send, type RawRequest } from "./helpers/http.js";
import { startTestMock, useMockServer } from "./helpers/mock-server.js";
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
  TW_TOKEN,
  TX_KEY,
  swSdkPath,
  twPath,
  txPath,
} from "./fixtures/ids.js";

const FORM = "application/x-www-form-urlencoded";
const TW_AUTH = { authorization: basic(TW_ACCOUNT, TW_TOKEN) };
const API_KEY_AUTH = { authorization: basic(CREDENTIALS.twilioApiKey, CREDENTIALS.twilioApiSecret) };

const mock = useMockServer();

async function twilio(path: string, body: Record<string, string>, headers: Record<string, string> = TW_AUTH) {
  const request: RawRequest = { path, headers: { ...headers, "content-type": FORM }, body: form(body) };
  const response = await send(mock.url, request);
  expectValidResponse(response, "twilio");
  return response;
}

describe("Twilio's operation", () => {
  it("mutes a participant with the Account SID and Auth Token, and answers it as Twilio does", async () => {
    const response = await twilio(twPath(TW_CALLS[1]), { Muted: "true" });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      account_sid: TW_ACCOUNT,
      conference_sid: TW_CONFERENCE,
      call_sid: TW_CALLS[1],
      muted: true,
      label: null,
      status: "connected",
      uri: twPath(TW_CALLS[1]),
    });
  });

  it("takes Twilio's other Basic credential, an API key and its secret, for the same account", async () => {
    const response = await twilio(twPath(TW_CALLS[1]), { Hold: "true" }, API_KEY_AUTH);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ hold: true });
  });

  it.each([
    ["a wrong Auth Token", { authorization: basic(TW_ACCOUNT, "wrong") }],
    ["an API key with the Auth Token", { authorization: basic(CREDENTIALS.twilioApiKey, TW_TOKEN) }],
    ["SignalWire's credentials", { authorization: basic(ACCOUNT, SW_TOKEN) }],
    ["a Bearer key", { authorization: bearer(TX_KEY) }],
  ])("refuses %s with Twilio's 401 (20003)", async (_name, headers) => {
    const response = await twilio(twPath(TW_CALLS[1]), { Muted: "true" }, headers);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ code: 20003, more_info: "https://www.twilio.com/docs/errors/20003" });
    expect(response.headers["www-authenticate"]).toMatch(/^Basic /);
  });

  it("names a participant by its label, and answers with the participant the label names", async () => {
    const response = await twilio(twPath(TW_LABEL), { Hold: "true" });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ call_sid: TW_CALLS[0], label: TW_LABEL, hold: true, uri: twPath(TW_CALLS[0]) });
    const again = await twilio(twPath(TW_CALLS[0]), {});
    expect(again.json).toMatchObject({ hold: true });
  });

  it("coaches another participant, and refuses one outside the conference with 16028", async () => {
    const coached = await twilio(twPath(TW_CALLS[0]), { Coaching: "true", CallSidToCoach: TW_CALLS[1] });
    expect(coached.status).toBe(200);
    expect(coached.json).toMatchObject({ coaching: true, call_sid_to_coach: TW_CALLS[1] });
    const stranger = `CA${"c".repeat(32)}`;
    const refused = await twilio(twPath(TW_CALLS[0]), { Coaching: "true", CallSidToCoach: stranger });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: 16028 });
    const stopped = await twilio(twPath(TW_CALLS[0]), { Coaching: "false" });
    expect(stopped.json).toMatchObject({ coaching: false, call_sid_to_coach: null });
  });

  it("answers the contract's violations with 422 and 20422, naming each field", async () => {
    const response = await twilio(twPath(TW_CALLS[1]), { Coaching: "true", Beep: "false" });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 20422 });
    expect((response.json as { message: string }).message).toMatch(/CallSidToCoach: is required when Coaching is true/);
    expect((response.json as { message: string }).message).toMatch(/Beep: is not a field/);
  });

  it("takes a form only: a JSON body is a 415 (decision 26)", async () => {
    const response = await send(mock.url, {
      path: twPath(TW_CALLS[1]),
      headers: { ...TW_AUTH, "content-type": "application/json" },
      body: JSON.stringify({ Muted: true }),
    });
    expectValidResponse(response, "twilio");
    expect(response.status).toBe(415);
    expect(response.json).toMatchObject({ code: 20422 });
  });

  it("answers a participant it does not have with 404 and 20404", async () => {
    const response = await twilio(twPath(`CA${"d".repeat(32)}`), { Muted: "true" });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ code: 20404, message: "Not Found" });
  });

  it("answers an update of a participant whose conference has ended with 400 and 16099, and status complete", async () => {
    expect(mock.endConference(TW_CONFERENCE, "twilio")).toBe(2);
    try {
      const response = await twilio(twPath(TW_CALLS[1]), { Muted: "false" });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: 16099 });
    } finally {
      mock.reset();
    }
  });
});

describe("the path Twilio shares with SignalWire's SDK (/2010-04-01/…/{CallSid}.json)", () => {
  it("answers SignalWire's participants as SignalWire, Twilio's as Twilio", async () => {
    const signalwire = await send(mock.url, {
      path: swSdkPath(SW_CALLS[0]),
      headers: { authorization: basic(ACCOUNT, SW_TOKEN), "content-type": FORM },
      body: "Muted=true",
    });
    expectValidResponse(signalwire, "signalwire");
    expect(signalwire.json).toMatchObject({ status: "in-progress", account_sid: ACCOUNT });
    const twilioAnswer = await twilio(twPath(TW_CALLS[1]), { Muted: "true" });
    expect(twilioAnswer.json).toMatchObject({ status: "connected", account_sid: TW_ACCOUNT });
  });

  it.each([
    ["an AC… account the mock does not have", twPath(TW_CALLS[0], `AC${"e".repeat(32)}`), "https://www.twilio.com/docs/errors/20404"],
    [
      "a Twilio conference the mock does not have",
      twPath(TW_CALLS[0], TW_ACCOUNT, `CF${"e".repeat(32)}`),
      "https://www.twilio.com/docs/errors/20404",
    ],
    [
      "a UUID account the mock does not have",
      swSdkPath(SW_CALLS[0]).replace(ACCOUNT, CONFERENCE),
      "https://signalwire.com/docs/compatibility-api/reference/errors",
    ],
  ])("tells the providers apart by the account for %s", async (_name, path, moreInfo) => {
    const response = await send(mock.url, { path, headers: { ...TW_AUTH, "content-type": FORM }, body: "Muted=true" });
    expect(response.status).toBeGreaterThanOrEqual(401);
    expect(response.json).toMatchObject({ more_info: moreInfo });
  });
});

describe("labels on Telnyx's path (call_sid_or_participant_label)", () => {
  it("resolve to their participant, who does not show the label", async () => {
    const call = "v3:labelled-call";
    const own = await startTestMock({
      fixtures: {
        telnyx: {
          accounts: [{ sid: ACCOUNT, conferences: [{ sid: CONFERENCE, participants: [{ call_sid: call, label: "agent one" }] }] }],
        },
      },
    });
    try {
      const response = await send(own.url, {
        path: txPath(encodeURIComponent("agent one")),
        headers: { authorization: bearer(TX_KEY), "content-type": FORM },
        body: "Muted=true",
      });
      expectValidResponse(response, "telnyx");
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ call_sid: call, muted: true });
      expect(response.json).not.toHaveProperty("label");
    } finally {
      await own.close();
    }
  });

  it("are refused at start when one names two participants of a conference", async () => {
    const participants = [{ call_sid: "v3:a", label: "agent" }, { call_sid: "agent" }];
    const fixtures = { telnyx: { accounts: [{ sid: ACCOUNT, conferences: [{ sid: CONFERENCE, participants }] }] } };
    await expect(startTestMock({ fixtures })).rejects.toThrow('"agent" already names a participant of this conference');
  });
});
