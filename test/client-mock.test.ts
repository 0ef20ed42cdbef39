/**
 * The client against this package's own mock server on 127.0.0.1, with `validateResponses` on: every update
 * the client sends is one the mock accepts, every answer keeps the contract, and the mock's errors arrive
 * typed in `error`.
 */
import { describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient } from "../src/client/index.js";
import { useMockServer } from "./helpers/mock-server.js";
import { ACCOUNT, CALL, COACHED, CONFERENCE, UNKNOWN_SW_CALL } from "./fixtures/ids.js";

const TOKEN = "PT-mock-token";
const KEY = "KEY-mock-telnyx";
const TELNYX_CALL = "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ";

const mock = useMockServer({ projectId: ACCOUNT, apiToken: TOKEN, telnyxApiKey: KEY });

const signalwire = (apiToken = TOKEN) =>
  createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken, baseUrl: mock.url, validateResponses: true });
const telnyx = (apiKey = KEY) => createTelnyxClient({ apiKey, accountSid: ACCOUNT, baseUrl: mock.url, validateResponses: true });

describe("SignalWire through the mock", () => {
  it.each([
    ["mute", { Muted: true }, { muted: true }],
    ["hold with music", { Hold: true, HoldUrl: "http://www.your-application.com/hold" }, { hold: true }],
    [
      "coach",
      { Muted: false, Coaching: true, Beep: false as const, CallSidToCoach: COACHED },
      { coaching: true, call_sid_to_coach: COACHED },
    ],
    ["barge", { Muted: false, Coaching: false, CallSidToCoach: "" }, { coaching: false, call_sid_to_coach: null }],
  ])("%s: the participant shows the update", async (_name, body, shows) => {
    const { data, error } = await signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ account_sid: ACCOUNT, conference_sid: CONFERENCE, call_sid: CALL, ...shows });
  });

  it("a wrong token gets the 401 error body, typed", async () => {
    const { data, error, response } = await signalwire("PT-wrong").updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: CALL,
      body: { Muted: true },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    if (error === undefined || typeof error === "string") throw new Error("expected SignalWire's error body");
    expect([error.code, error.status]).toEqual([20003, 401]);
  });

  it("an unknown participant gets 404", async () => {
    const { error, response } = await signalwire().updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: UNKNOWN_SW_CALL,
    });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ status: 404 });
  });
});

describe("Telnyx through the mock", () => {
  it("hold with music: the participant shows the update", async () => {
    const { data, error } = await telnyx().updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: TELNYX_CALL,
      body: { Hold: true, HoldUrl: "https://www.your-application.com/hold.mp3", HoldMethod: "GET" },
    });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ call_sid: TELNYX_CALL, hold: true });
  });

  it("coach by call control id, then barge", async () => {
    const coached = await telnyx().updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: TELNYX_CALL,
      body: { Coaching: true, CallSidToCoach: "v3:mock-participant-2" },
    });
    expect(coached.data).toMatchObject({ coaching: true, coaching_call_sid: "v3:mock-participant-2" });
    const barged = await telnyx().updateParticipant({
      conferenceSid: CONFERENCE,
      callSid: TELNYX_CALL,
      body: { Coaching: false, CallSidToCoach: "" },
    });
    expect(barged.data).toMatchObject({ coaching: false });
  });

  it("a wrong key gets Telnyx's error list", async () => {
    const { error, response } = await telnyx("KEY-wrong").updateParticipant({ conferenceSid: CONFERENCE, callSid: TELNYX_CALL });
    expect(response.status).toBe(401);
    if (error === undefined || typeof error === "string") throw new Error("expected Telnyx's error body");
    expect(error.errors.length).toBeGreaterThan(0);
  });
});
