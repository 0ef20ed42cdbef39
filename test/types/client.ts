/**
 * Type-level tests of the client, compiled by `npm run typecheck` (never run): what must not compile is
 * marked `@ts-expect-error`, so the check fails if it ever compiles; `Equal` pins the spec's types.
 */
import {
  CLIENT_DEFAULTS,
  createSignalWireClient,
  createTelnyxClient,
  NetworkError,
  TimeoutError,
  type ClientOptions,
  type components,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_proof: T): void {}

const signalwire = createSignalWireClient({ space: "example", projectId: "project", apiToken: "token" });
const telnyx = createTelnyxClient({ apiKey: "key", accountSid: "account" });
const ids = { conferenceSid: "conference", callSid: "call" };

export async function bodiesTheContractForbids(): Promise<void> {
  await signalwire.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error Muted is a boolean
      Muted: "yes",
    },
  });
  await signalwire.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error HoldMethod is GET or POST
      HoldMethod: "PUT",
    },
  });
  await signalwire.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error Beep is accepted only as false (decision 8)
      Beep: true,
    },
  });
  await signalwire.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error BeepOnExit is a Telnyx field
      BeepOnExit: true,
    },
  });
  await telnyx.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error WaitMethod is a SignalWire field
      WaitMethod: "GET",
    },
  });
  await telnyx.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error Telnyx spells it HoldUrl (decision 10)
      HoldURL: "https://example.com/hold.mp3",
    },
  });
  await telnyx.updateParticipant({
    ...ids,
    body: {
      // @ts-expect-error Beep is not a Telnyx field
      Beep: false,
    },
  });
  // @ts-expect-error Coaching=true needs CallSidToCoach (decision 7: the rule's two cases are a union)
  await signalwire.updateParticipant({ ...ids, body: { Coaching: true } });
  // @ts-expect-error Coaching=true needs CallSidToCoach
  await telnyx.updateParticipant({ ...ids, body: { Muted: false, Coaching: true } });
  // @ts-expect-error callSid is required
  await signalwire.updateParticipant({ conferenceSid: "conference" });
  // @ts-expect-error no update without its arguments
  await telnyx.updateParticipant();
}

export async function bodiesTheContractAllows(): Promise<void> {
  await signalwire.updateParticipant({ ...ids, body: { Muted: true, Hold: false, HoldMethod: "POST", Beep: false, CallSidToCoach: "" } });
  await signalwire.updateParticipant({ ...ids, accountSid: "other", body: { WaitUrl: "https://example.com/wait", WaitMethod: "GET" } });
  await telnyx.updateParticipant({ ...ids, body: { BeepOnExit: false, EndConferenceOnExit: true } });
  await signalwire.updateParticipant({ ...ids, body: { Muted: false, Coaching: true, CallSidToCoach: "coached" } });
  await telnyx.updateParticipant({ ...ids, body: { Coaching: false, CallSidToCoach: "" } });
  await telnyx.updateParticipant({ ...ids, signal: AbortSignal.timeout(1000) });
}

export async function resultsHaveTheSpecsTypes(): Promise<void> {
  const { data, error, response } = await signalwire.updateParticipant({ ...ids, body: { Muted: true } });
  expectType<Equal<typeof response, Response>>(true);
  if (data) {
    expectType<Equal<typeof data.muted, boolean>>(true);
    expectType<Equal<typeof data.hold, boolean>>(true);
    expectType<Equal<typeof data.call_sid_to_coach, string | null>>(true);
    // SignalWire's published values and Twilio's (decision 3)
    expectType<
      Equal<typeof data.status, "in-progress" | "completed" | "queued" | "connecting" | "ringing" | "connected" | "complete" | "failed">
    >(true);
    expectType<Equal<typeof data.date_created, string>>(true);
    // @ts-expect-error the participant is snake_case JSON: no Muted
    void data.Muted;
    // @ts-expect-error no Telnyx-only field on a SignalWire participant
    void data.api_version;
  } else {
    expectType<Equal<typeof data, undefined>>(true);
    if (typeof error !== "string") {
      expectType<Equal<typeof error.code, number>>(true);
      expectType<Equal<typeof error.message, string>>(true);
      expectType<Equal<typeof error.status, number>>(true);
    }
  }

  const telnyxResult = await telnyx.updateParticipant({ ...ids });
  if (telnyxResult.data) {
    expectType<Equal<typeof telnyxResult.data.muted, boolean | undefined>>(true);
    expectType<Equal<typeof telnyxResult.data.status, "connecting" | "connected" | "completed" | undefined>>(true);
    expectType<Equal<typeof telnyxResult.data.coaching_call_sid, string | undefined>>(true);
  } else if (typeof telnyxResult.error !== "string") {
    expectType<Equal<typeof telnyxResult.error, components["schemas"]["TelnyxErrors"]>>(true);
    const first = telnyxResult.error.errors[0];
    if (first) {
      expectType<Equal<typeof first.detail, string | undefined>>(true);
      expectType<Equal<typeof first.code, string | undefined>>(true);
    }
  }
}

export async function theOpenapiFetchClientIsTypedWithPaths(): Promise<void> {
  const { data } = await signalwire.fetchClient.POST(
    "/api/laml/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}",
    {
      params: { path: { AccountSid: "a", ConferenceSid: "c", CallSid: "x" } },
      body: { Muted: true },
    },
  );
  if (data) expectType<Equal<typeof data.muted, boolean>>(true);
  // @ts-expect-error no such path in the spec
  await telnyx.fetchClient.POST("/texml/Accounts/{account_sid}/Calls", {});
}

export function clientOptions(): void {
  createTelnyxClient({ apiKey: "key", accountSid: "account", serverUrl: "http://127.0.0.1:9000" });
  createSignalWireClient({ space: "example", projectId: "project", apiToken: "token", serverUrl: "https://proxy.example.com/signalwire" });
  createTelnyxClient({ apiKey: "key", accountSid: "account", timeoutMs: 0 });
  expectType<Equal<ClientOptions["serverUrl"], string | undefined>>(true);
  expectType<Equal<ClientOptions["timeoutMs"], number | undefined>>(true);
  expectType<Equal<typeof CLIENT_DEFAULTS, Readonly<{ timeoutMs: number; maxResponseBytes: number }>>>(true);
  // @ts-expect-error serverUrl is a string, not a URL object
  createTelnyxClient({ apiKey: "key", accountSid: "account", serverUrl: new URL("http://127.0.0.1:9000") });
  // @ts-expect-error the defaults are read-only
  CLIENT_DEFAULTS.timeoutMs = 0;
}

export function networkErrorsCarryTheirFields(error: unknown): void {
  if (error instanceof NetworkError) {
    expectType<Equal<typeof error.method, string>>(true);
    expectType<Equal<typeof error.url, string>>(true);
    expectType<Equal<typeof error.code, string | undefined>>(true);
    expectType<Equal<typeof error.hint, string | undefined>>(true);
    expectType<Equal<typeof error.response, Response | undefined>>(true);
  }
  if (error instanceof TimeoutError) {
    expectType<Equal<typeof error.timeoutMs, number>>(true);
    const asNetworkError: NetworkError = error;
    void asNetworkError;
  }
}
