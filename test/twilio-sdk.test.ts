/**
 * Twilio's official Node SDK (`twilio`), unchanged, against the mock over HTTP on 127.0.0.1: given only the
 * mock's address and its test credentials, it mutes, holds and coaches, and gets Twilio's errors as its own
 * RestException (the same SDK under MSW is in msw.test.ts).
 */
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { useMockServer } from "./helpers/mock-server.js";
import { CREDENTIALS, TW_ACCOUNT, TW_CALLS, TW_CONFERENCE, TW_LABEL } from "./fixtures/ids.js";

const mock = useMockServer();

/** The SDK as a user makes it, pointed at the mock by its base URL alone. */
function sdk(...credentials: [string, string, { accountSid: string }?]) {
  const client = twilio(...credentials);
  client.api.baseUrl = mock.url;
  return client;
}
const withToken = () => sdk(TW_ACCOUNT, CREDENTIALS.twilioAuthToken);
const participant = (client: ReturnType<typeof sdk>, call: string) => client.conferences(TW_CONFERENCE).participants(call);

describe("Twilio's Node SDK against the mock", () => {
  it("mutes, holds by label and coaches (200), each update as the SDK sends it", async () => {
    mock.reset();
    const client = withToken();
    expect((await participant(client, TW_CALLS[1]).update({ muted: true })).muted).toBe(true);
    const held = await participant(client, TW_LABEL).update({ hold: true, holdUrl: "https://example.com/hold.mp3", holdMethod: "GET" });
    expect([held.callSid, held.hold, held.label]).toEqual([TW_CALLS[0], true, TW_LABEL]);
    const coached = await participant(client, TW_CALLS[0]).update({ coaching: true, callSidToCoach: TW_CALLS[1] });
    expect([coached.coaching, coached.callSidToCoach]).toEqual([true, TW_CALLS[1]]);
    expect(mock.requests().map((entry) => [entry.provider, entry.status, entry.verdict])).toEqual([
      ["twilio", 200, "valid"],
      ["twilio", 200, "valid"],
      ["twilio", 200, "valid"],
    ]);
  });

  it("authenticates with an API key and its secret too", async () => {
    const client = sdk(CREDENTIALS.twilioApiKey, CREDENTIALS.twilioApiSecret, { accountSid: TW_ACCOUNT });
    expect((await participant(client, TW_CALLS[1]).update({ hold: false })).hold).toBe(false);
  });

  it.each([
    ["Coaching=true alone", TW_CALLS[0], { coaching: true }, 422, 20422],
    ["an unknown participant", `CA${"9".repeat(32)}`, { muted: true }, 404, 20404],
  ])("gets Twilio's error for %s as a RestException", async (_name, call, update, status, code) => {
    const error = await participant(withToken(), call)
      .update(update)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
  });

  it("gets Twilio's 401 for a wrong Auth Token", async () => {
    const error = await participant(sdk(TW_ACCOUNT, "wrong-token"), TW_CALLS[0])
      .update({ muted: true })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });
});
