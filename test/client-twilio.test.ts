/**
 * `createTwilioClient` against the mock on 127.0.0.1: both of Twilio's Basic credentials, a label where the path
 * takes one, and ids checked against Twilio's patterns (from the spec) before anything is sent.
 */
import { describe, expect, it } from "vitest";
import { ClientOptionsError, createTwilioClient, RequestValidationError } from "../src/index.js";
import { useMockServer } from "./helpers/mock-server.js";
import { CREDENTIALS, TW_ACCOUNT, TW_CALLS, TW_CONFERENCE, TW_LABEL } from "./fixtures/ids.js";

const mock = useMockServer();

const withToken = () =>
  createTwilioClient({ accountSid: TW_ACCOUNT, authToken: CREDENTIALS.twilioAuthToken, baseUrl: mock.url, validateResponses: true });
const withApiKey = () =>
  createTwilioClient({
    accountSid: TW_ACCOUNT,
    apiKey: CREDENTIALS.twilioApiKey,
    apiSecret: CREDENTIALS.twilioApiSecret,
    baseUrl: mock.url,
    validateResponses: true,
  });

describe("Twilio through the mock", () => {
  it.each([
    ["the Auth Token", withToken],
    ["an API key and its secret", withApiKey],
  ])("mutes, holds and coaches with %s", async (_name, client) => {
    mock.reset();
    const twilio = client();
    const muted = await twilio.updateParticipant({ conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[1], body: { Muted: true } });
    expect(muted.data).toMatchObject({ muted: true, call_sid: TW_CALLS[1] });
    const held = await twilio.updateParticipant({
      conferenceSid: TW_CONFERENCE,
      callSid: TW_LABEL,
      body: { Hold: true, HoldUrl: "https://example.com/hold.mp3", HoldMethod: "GET" },
    });
    expect(held.data).toMatchObject({ hold: true, call_sid: TW_CALLS[0], label: TW_LABEL });
    const coached = await twilio.updateParticipant({
      conferenceSid: TW_CONFERENCE,
      callSid: TW_CALLS[0],
      body: { Coaching: true, CallSidToCoach: TW_CALLS[1] },
    });
    expect(coached.data).toMatchObject({ coaching: true, call_sid_to_coach: TW_CALLS[1] });
    expect(mock.requests().map((entry) => [entry.provider, entry.status, entry.headers["content-type"]])).toEqual([
      ["twilio", 200, "application/x-www-form-urlencoded"],
      ["twilio", 200, "application/x-www-form-urlencoded"],
      ["twilio", 200, "application/x-www-form-urlencoded"],
    ]);
  });

  it("gets Twilio's 404, typed, for a participant the mock does not have", async () => {
    const { error, response } = await withToken().updateParticipant({ conferenceSid: TW_CONFERENCE, callSid: "nobody", body: {} });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 20404, status: 404 });
  });
});

describe("refused before anything is sent", () => {
  it.each([
    [
      "a conference SID of another shape",
      { conferenceSid: "CF123", callSid: TW_CALLS[0] },
      "conferenceSid",
      /conference SID \(CF and 32 hex digits\)/,
    ],
    [
      "a SignalWire UUID as the conference",
      { conferenceSid: "b3877c40-da60-4998-90ad-b792e98472cf", callSid: TW_CALLS[0] },
      "conferenceSid",
      /conference SID/,
    ],
    [
      "an account SID of another shape",
      { accountSid: "AC123", conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[0] },
      "accountSid",
      /account SID/,
    ],
  ])("%s", async (_name, ids, path, message) => {
    const before = mock.requests().length;
    const error = await withToken()
      .updateParticipant(ids)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).violations).toEqual([
      expect.objectContaining({ code: "invalid_format", path, message: expect.stringMatching(message) }),
    ]);
    expect(mock.requests().length).toBe(before);
  });

  it("takes any non-empty label as the participant", async () => {
    const { response } = await withToken().updateParticipant({ conferenceSid: TW_CONFERENCE, callSid: "agent one", body: {} });
    expect(response.status).toBe(404);
    expect(mock.requests().at(-1)?.path).toBe(
      `/2010-04-01/Accounts/${TW_ACCOUNT}/Conferences/${TW_CONFERENCE}/Participants/agent%20one.json`,
    );
  });

  it.each([
    ["an account SID of another shape", { accountSid: "b3877c40-da60-4998-90ad-b792e98472af", authToken: "t" }, ["accountSid"]],
    ["both an Auth Token and an API key", { accountSid: TW_ACCOUNT, authToken: "t", apiKey: "SK1", apiSecret: "s" }, ["authToken"]],
    ["neither an Auth Token nor an API key", { accountSid: TW_ACCOUNT }, ["authToken"]],
    ["an API key without its secret", { accountSid: TW_ACCOUNT, apiKey: CREDENTIALS.twilioApiKey }, ["apiSecret"]],
  ])("options with %s are a ClientOptionsError", (_name, options, paths) => {
    let caught: unknown;
    try {
      createTwilioClient(options as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClientOptionsError);
    expect((caught as ClientOptionsError).violations.map((v) => v.path)).toEqual(paths);
    expect(String((caught as Error).message)).not.toContain(CREDENTIALS.twilioApiSecret);
  });
});
