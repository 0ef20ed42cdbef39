/**
 * What the client refuses before anything leaves the process (the recording server must see nothing), and
 * that no error or inspected object ever shows a credential.
 */
import { inspect } from "node:util";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient, createTwilioClient } from "../src/client/index.js";
import type { Provider } from "../src/contract/providers.js";
import { ClientOptionsError, RequestValidationError } from "../src/errors/index.js";
import type { Violation, ViolationCode } from "../src/contract/violations.js";
import { createMswHandlers } from "../src/msw/index.js";
import { ACCOUNT, CONFERENCE, CALL, CREDENTIALS, TW_ACCOUNT, TW_CALLS, TW_CONFERENCE, TX_CALLS } from "./fixtures/ids.js";
import { startRecordingServer, useRecordingServer } from "./helpers/recording-server.js";

const TOKEN = "PTsecret0token0value";
const KEY = "KEYsecret0key0value";

const current = useRecordingServer();

const signalwire = () => createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: TOKEN, baseUrl: current().origin });
const telnyx = () => createTelnyxClient({ apiKey: KEY, accountSid: ACCOUNT, baseUrl: current().origin });

async function refusal(call: () => Promise<unknown>): Promise<RequestValidationError> {
  const outcome = await call().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(RequestValidationError);
  return outcome as RequestValidationError;
}

function thrown(create: () => unknown): unknown {
  try {
    create();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

const v = (code: ViolationCode, path: string, message: string, expected?: string, received?: string): Violation => ({
  code,
  path,
  message,
  ...(expected === undefined ? {} : { expected }),
  ...(received === undefined ? {} : { received }),
});

describe("an update the contract forbids is refused, and nothing is sent", () => {
  const cases: [Provider, string, Record<string, unknown>, Violation[]][] = [
    [
      "signalwire",
      "Coaching without CallSidToCoach",
      { Coaching: true },
      [v("required", "CallSidToCoach", "is required when Coaching is true", "a value")],
    ],
    [
      "telnyx",
      "Coaching without CallSidToCoach",
      { Coaching: true },
      [v("required", "CallSidToCoach", "is required when Coaching is true", "a value")],
    ],
    [
      "signalwire",
      "Coaching with an empty CallSidToCoach",
      { Coaching: true, CallSidToCoach: "" },
      [v("invalid_value", "CallSidToCoach", "must not be empty when Coaching is true", "a non-empty string", '""')],
    ],
    [
      "signalwire",
      "HoldMethod PUT",
      { HoldMethod: "PUT" },
      [v("invalid_enum", "HoldMethod", "must be one of GET, POST", "one of GET, POST", '"PUT"')],
    ],
    [
      "telnyx",
      "HoldMethod PUT",
      { HoldMethod: "PUT" },
      [v("invalid_enum", "HoldMethod", "must be one of GET, POST", "one of GET, POST", '"PUT"')],
    ],
    [
      "signalwire",
      "a HoldUrl that is not a URL",
      { Hold: true, HoldUrl: "not a url" },
      [v("invalid_format", "HoldUrl", "must be an absolute http(s) URL", "an absolute http(s) URL", '"not a url"')],
    ],
    [
      "telnyx",
      "a HoldUrl that is not http(s)",
      { HoldUrl: "ftp://example.com/hold.mp3" },
      [v("invalid_format", "HoldUrl", "must be an absolute http(s) URL", "an absolute http(s) URL", '"ftp://example.com/hold.mp3"')],
    ],
    ["signalwire", "an unknown field", { Foo: 1 }, [v("unknown_field", "Foo", "is not a field of this body", "no such field")]],
    [
      "telnyx",
      "Telnyx's old HoldURL spelling",
      { HoldURL: "https://example.com/hold.mp3" },
      [v("unknown_field", "HoldURL", "is not a field of this body; did you mean HoldUrl?", "HoldUrl")],
    ],
    [
      "signalwire",
      "a Telnyx-only field",
      { BeepOnExit: true },
      [v("unknown_field", "BeepOnExit", "is not a field of this body", "no such field")],
    ],
    [
      "telnyx",
      "a SignalWire-only field",
      { WaitMethod: "GET" },
      [v("unknown_field", "WaitMethod", "is not a field of this body", "no such field")],
    ],
    [
      "telnyx",
      "a lone surrogate in CallSidToCoach (a form would carry U+FFFD in its place)",
      { CallSidToCoach: "\uD800" },
      [
        v(
          "invalid_encoding",
          "CallSidToCoach",
          "must be well-formed Unicode (it has a lone surrogate)",
          "well-formed Unicode text",
          '"\\ud800"',
        ),
      ],
    ],
    ["signalwire", "Beep: true", { Beep: true }, [v("invalid_value", "Beep", "must be false", "false", "true")]],
    ["signalwire", 'Muted: "yes"', { Muted: "yes" }, [v("invalid_type", "Muted", "must be a boolean", "boolean", '"yes"')]],
    ["telnyx", "Muted: null", { Muted: null }, [v("invalid_type", "Muted", "must be a boolean", "boolean", "null")]],
    [
      "signalwire",
      "several violations at once, every one listed",
      { Muted: "yes", HoldMethod: "PUT", Coaching: true },
      [
        v("invalid_type", "Muted", "must be a boolean", "boolean", '"yes"'),
        v("invalid_enum", "HoldMethod", "must be one of GET, POST", "one of GET, POST", '"PUT"'),
        v("required", "CallSidToCoach", "is required when Coaching is true", "a value"),
      ],
    ],
  ];

  it.each(cases)("%s: %s", async (provider, _name, body, expected) => {
    const client = provider === "signalwire" ? signalwire() : telnyx();
    const error = await refusal(() => client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: body as never }));
    expect([...error.violations].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [...expected].sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect(error.message).toMatch(/^The update was refused and nothing was sent: /);
    for (const violation of expected) expect(error.message).toContain(`${violation.path}: ${violation.message}`);
    expect(current().requests).toEqual([]);
  });

  const notObjects: [string, unknown][] = [
    ["a form string", "Muted=true"],
    ["URLSearchParams", new URLSearchParams("Muted=true")],
    ["an array", [["Muted", true]]],
    ["null", null],
  ];
  it.each(notObjects)("a body that is %s", async (_name, body) => {
    const error = await refusal(() => signalwire().updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: body as never }));
    expect(error.violations).toEqual([expect.objectContaining({ path: "body", message: "must be a plain object of the spec's fields" })]);
    expect(current().requests).toEqual([]);
  });

  it("a body of 8,000 unknown fields: 100 violations and how many more, with an id problem kept in the count", async () => {
    const body = Object.fromEntries(Array.from({ length: 8_000 }, (_, i) => [`Unknown${i}`, true]));
    const error = await refusal(() => telnyx().updateParticipant({ conferenceSid: "", callSid: CALL, body: body as never }));
    expect(error.violations).toHaveLength(102);
    expect(error.violations[0]).toMatchObject({ code: "invalid_value", path: "conferenceSid" });
    expect(error.violations.at(-1)).toMatchObject({ code: "too_many_violations", received: "8000 violations" });
    expect(error.message).toContain("body: has 7901 more violations not listed (received 8001 violations)");
    expect(error.message.length).toBeLessThan(16 * 1024);
    expect(current().requests).toEqual([]);
  });
});

describe("ids are refused when they are empty, missing or would not stay one path segment", () => {
  const cases: [string, Record<string, unknown>, Violation[]][] = [
    [
      "an empty callSid",
      { conferenceSid: CONFERENCE, callSid: "" },
      [v("invalid_value", "callSid", "must not be empty", "a non-empty id", '""')],
    ],
    ["a missing conferenceSid", { callSid: CALL }, [v("required", "conferenceSid", "is required", "a non-empty id")]],
    [
      "an empty accountSid",
      { accountSid: "", conferenceSid: CONFERENCE, callSid: CALL },
      [v("invalid_value", "accountSid", "must not be empty", "a non-empty id", '""')],
    ],
    ["a number", { conferenceSid: 42, callSid: CALL }, [v("invalid_type", "conferenceSid", "must be a string", "a non-empty id", "42")]],
    [
      "a dot segment",
      { conferenceSid: CONFERENCE, callSid: ".." },
      [v("invalid_value", "callSid", "cannot be a dot segment, which URLs resolve away", "a non-empty id", '".."')],
    ],
    [
      "a single dot",
      { conferenceSid: ".", callSid: CALL },
      [v("invalid_value", "conferenceSid", "cannot be a dot segment, which URLs resolve away", "a non-empty id", '"."')],
    ],
    [
      "a lone surrogate",
      { conferenceSid: CONFERENCE, callSid: "a\ud800" },
      [v("invalid_encoding", "callSid", "must be well-formed Unicode (it has a lone surrogate)", "a non-empty id", '"a\\ud800"')],
    ],
    [
      "a misspelt argument",
      { conferenceSid: CONFERENCE, callSid: CALL, Body: { Muted: true } },
      [v("unknown_field", "Body", "is not an option of updateParticipant; did you mean body?", "body")],
    ],
    [
      "a signal that is not an AbortSignal",
      { conferenceSid: CONFERENCE, callSid: CALL, signal: {} },
      [v("invalid_type", "signal", "must be an AbortSignal", "an AbortSignal", "object")],
    ],
  ];

  it.each(cases)("%s", async (_name, params, expected) => {
    const error = await refusal(() => telnyx().updateParticipant(params as never));
    expect(error.violations).toEqual(expected);
    expect(current().requests).toEqual([]);
  });

  it("refuses params that are not an object", async () => {
    const error = await refusal(() => signalwire().updateParticipant(undefined as never));
    expect(error.violations).toEqual([
      v(
        "invalid_type",
        "params",
        "must be an object with conferenceSid, callSid and body",
        "an object with conferenceSid, callSid and body",
        "undefined",
      ),
    ]);
  });

  it("lists id and body violations together", async () => {
    const error = await refusal(() =>
      signalwire().updateParticipant({ conferenceSid: "", callSid: CALL, body: { HoldMethod: "PUT" as never } }),
    );
    expect(error.violations.map((violation) => violation.path)).toEqual(["conferenceSid", "HoldMethod"]);
  });
});

describe("client options", () => {
  const base = { space: "example", projectId: ACCOUNT, apiToken: TOKEN };
  const cases: [string, Record<string, unknown>, Violation[]][] = [
    [
      "plain http to another host",
      { baseUrl: "http://example.com" },
      [
        v(
          "invalid_value",
          "baseUrl",
          "must use https unless its host is a loopback address: credentials are not sent in clear text",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"http://example.com"',
        ),
      ],
    ],
    [
      "plain http to a private address",
      { baseUrl: "http://10.0.0.1:4010" },
      [
        v(
          "invalid_value",
          "baseUrl",
          "must use https unless its host is a loopback address: credentials are not sent in clear text",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"http://10.0.0.1:4010"',
        ),
      ],
    ],
    [
      "a baseUrl with a path",
      { baseUrl: "https://api.example.com/v1" },
      [
        v(
          "invalid_format",
          "baseUrl",
          "must be an origin only: the provider's path is added to it",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"https://api.example.com/v1"',
        ),
      ],
    ],
    [
      "a baseUrl with a query",
      { baseUrl: "http://127.0.0.1:4010?debug" },
      [
        v(
          "invalid_format",
          "baseUrl",
          "must be an origin only: the provider's path is added to it",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"http://127.0.0.1:4010?debug"',
        ),
      ],
    ],
    [
      "a baseUrl that is not http(s)",
      { baseUrl: "ftp://127.0.0.1" },
      [
        v(
          "invalid_value",
          "baseUrl",
          "must use https (or http to a loopback host)",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"ftp://127.0.0.1"',
        ),
      ],
    ],
    [
      "a baseUrl that is not a URL",
      { baseUrl: "localhost:4010/" },
      [
        v(
          "invalid_value",
          "baseUrl",
          "must use https (or http to a loopback host)",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          '"localhost:4010/"',
        ),
      ],
    ],
    [
      "a relative baseUrl",
      { baseUrl: "/api" },
      [
        v(
          "invalid_format",
          "baseUrl",
          "must be an absolute URL",
          "an origin such as https://api.example.com or http://127.0.0.1:4010",
          "a string of 4 characters",
        ),
      ],
    ],
    [
      "a Space that is not a host label",
      { space: "evil.example/x" },
      [
        v(
          "invalid_format",
          "space",
          "must be one host name label (letters, digits and inner hyphens)",
          "a name such as example",
          "a string of 14 characters",
        ),
      ],
    ],
    ["a missing Space", { space: undefined }, [v("required", "space", "is required", "a name such as example")]],
    [
      "a missing apiToken",
      { apiToken: undefined },
      [v("required", "apiToken", "is required", "a non-empty string of visible ASCII characters")],
    ],
    [
      "a projectId with a colon",
      { projectId: "a:b" },
      [v("invalid_value", "projectId", "must not contain ':'", "a non-empty string of visible ASCII characters")],
    ],
    [
      "a negative timeout",
      { timeoutMs: -1 },
      [v("invalid_value", "timeoutMs", "must be a positive number of milliseconds", "a number > 0", "-1")],
    ],
    [
      "a misspelt option",
      { timeout: 5 },
      [v("unknown_field", "timeout", "is not an option of createSignalWireClient; did you mean timeoutMs?", "timeoutMs")],
    ],
    ["a fetch that is not a function", { fetch: "fetch" }, [v("invalid_type", "fetch", "must be a function", "function", "string")]],
    [
      "validateResponses that is not a boolean",
      { validateResponses: "yes" },
      [v("invalid_type", "validateResponses", "must be a boolean", "boolean", "string")],
    ],
  ];

  it.each(cases)("refuses %s", (_name, change, expected) => {
    const error = thrown(() => createSignalWireClient({ ...base, ...change } as never));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect((error as Error).name).toBe("ClientOptionsError");
    expect((error as RequestValidationError).violations).toEqual(expected);
    expect((error as Error).message).toMatch(/^createSignalWireClient refused its options: /);
  });

  it.each([
    ["space", { space: "KEY_0123456789abcdefSECRE" }],
    ["baseUrl", { baseUrl: "KEY_0123456789abcdefSECRE" }],
  ])("does not echo a %s that may be a credential passed in the wrong place", (_name, change) => {
    const error = thrown(() => createSignalWireClient({ ...base, ...change } as never)) as RequestValidationError;
    expect(error.message).toMatch(/a string of 25 characters/);
    expect(`${error.message}${JSON.stringify(error.violations)}`).not.toContain("SECRE");
  });

  it("refuses Telnyx options the same way", () => {
    const error = thrown(() => createTelnyxClient({ apiKey: "", accountSid: "" }));
    expect((error as RequestValidationError).violations).toEqual([
      v("invalid_value", "apiKey", "must not be empty", "a non-empty string of visible ASCII characters"),
      v("invalid_value", "accountSid", "must not be empty", "a non-empty id", '""'),
    ]);
  });

  it.each(["https://api.example.com", "http://127.0.0.1:4010", "http://127.1.2.3", "http://localhost:4010", "http://[::1]:4010"])(
    "accepts %s",
    (baseUrl) => {
      expect(() => createSignalWireClient({ ...base, baseUrl })).not.toThrow();
    },
  );
});

describe("credentials never show", () => {
  const secrets = [TOKEN, KEY, "SECRETpw", Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")];

  function expectNoSecret(value: unknown): void {
    const renderings = [String(value), inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? ""];
    if (value instanceof Error) renderings.push(value.message, value.stack ?? "", inspect(value.cause, { depth: Infinity }));
    for (const text of renderings) for (const secret of secrets) expect(text).not.toContain(secret);
  }

  it("not in the client object", () => {
    expectNoSecret(signalwire());
    expectNoSecret(telnyx());
  });

  it("not in option refusals, even when the refused value is the secret itself", () => {
    expectNoSecret(thrown(() => createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: `${TOKEN}\r\nX-Injected: 1` })));
    expectNoSecret(thrown(() => createTelnyxClient({ apiKey: `${KEY} ü`, accountSid: ACCOUNT })));
    expectNoSecret(
      thrown(() =>
        createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: TOKEN, baseUrl: "http://user:SECRETpw@127.0.0.1:4010" }),
      ),
    );
  });

  it("not in request refusals", async () => {
    expectNoSecret(
      await refusal(() => signalwire().updateParticipant({ conferenceSid: "", callSid: CALL, body: { HoldMethod: "PUT" as never } })),
    );
  });

  it("not in response errors, timeouts or network failures", async () => {
    current().reply = () => ({ body: "not json" });
    expectNoSecret(
      await signalwire()
        .updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL })
        .catch((e: unknown) => e),
    );
    current().reply = () => ({ hang: "headers" });
    const slow = createTelnyxClient({ apiKey: KEY, accountSid: ACCOUNT, baseUrl: current().origin, timeoutMs: 30 });
    expectNoSecret(await slow.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL }).catch((e: unknown) => e));
    const closed = await startRecordingServer();
    await closed.close();
    const unreachable = createSignalWireClient({ space: "example", projectId: ACCOUNT, apiToken: TOKEN, baseUrl: closed.origin });
    const failure = await unreachable.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expectNoSecret(failure);
  });
});

describe("the mock's test credentials without baseUrl or serverUrl", () => {
  /** A fetch that records what reaches it and answers nothing: what a refusal must leave empty. */
  function recordingFetch() {
    const seen: string[] = [];
    const fetch = (request: Request) => {
      seen.push(request.url);
      return Promise.resolve(new Response("{}", { status: 200 }));
    };
    return { seen, fetch };
  }

  const refusedOn = [
    v(
      "required",
      "baseUrl",
      "is required: these are the mock's test credentials; set baseUrl to the mock's address (or serverUrl)",
      "the mock's address, such as http://127.0.0.1:4010",
    ),
  ];

  it.each([
    [
      "SignalWire's",
      "createSignalWireClient",
      (fetch: (request: Request) => Promise<Response>) =>
        createSignalWireClient({ space: "example", projectId: CREDENTIALS.projectId, apiToken: CREDENTIALS.apiToken, fetch }),
      { conferenceSid: CONFERENCE, callSid: CALL },
    ],
    [
      "Telnyx's",
      "createTelnyxClient",
      (fetch: (request: Request) => Promise<Response>) =>
        createTelnyxClient({ apiKey: CREDENTIALS.telnyxApiKey, accountSid: ACCOUNT, fetch }),
      { conferenceSid: CONFERENCE, callSid: CALL },
    ],
    [
      "Twilio's, with the Auth Token",
      "createTwilioClient",
      (fetch: (request: Request) => Promise<Response>) =>
        createTwilioClient({ accountSid: TW_ACCOUNT, authToken: CREDENTIALS.twilioAuthToken, fetch }),
      { conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[0] },
    ],
    [
      "Twilio's, with the API key",
      "createTwilioClient",
      (fetch: (request: Request) => Promise<Response>) =>
        createTwilioClient({ accountSid: TW_ACCOUNT, apiKey: CREDENTIALS.twilioApiKey, apiSecret: CREDENTIALS.twilioApiSecret, fetch }),
      { conferenceSid: TW_CONFERENCE, callSid: TW_CALLS[0] },
    ],
  ] as const)("%s are refused before anything is sent (%s)", async (_label, factory, create, ids) => {
    const { seen, fetch } = recordingFetch();
    const client = create(fetch);
    const error = await refusal(() => client.updateParticipant({ ...ids, body: { Muted: true } }));
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error.violations).toEqual(refusedOn);
    expect(error.message).toBe(
      `${factory} refused its options: baseUrl: is required: these are the mock's test credentials; set baseUrl to the mock's address (or serverUrl)`,
    );
    expect(seen).toEqual([]);
  });

  it("are refused by fetchClient too", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createTelnyxClient({ apiKey: CREDENTIALS.telnyxApiKey, accountSid: ACCOUNT, fetch });
    const sent = client.fetchClient.POST(
      "/texml/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{call_sid_or_participant_label}",
      {
        params: { path: { account_sid: ACCOUNT, conference_sid: CONFERENCE, call_sid_or_participant_label: CALL } },
        body: { Muted: true },
      },
    );
    await expect(sent).rejects.toBeInstanceOf(ClientOptionsError);
    expect(seen).toEqual([]);
  });

  it("are sent where baseUrl or serverUrl points", async () => {
    const viaBase = createTelnyxClient({ apiKey: CREDENTIALS.telnyxApiKey, accountSid: ACCOUNT, baseUrl: current().origin });
    const viaServer = createTelnyxClient({ apiKey: CREDENTIALS.telnyxApiKey, accountSid: ACCOUNT, serverUrl: `${current().origin}/v2` });
    for (const client of [viaBase, viaServer]) {
      const { response } = await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL, body: { Muted: true } });
      expect(response.status).toBe(200);
    }
    expect(current().requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${CREDENTIALS.telnyxApiKey}`,
      `Bearer ${CREDENTIALS.telnyxApiKey}`,
    ]);
  });

  it("reach MSW's handlers on the provider's host while MSW intercepts fetch, and are refused again once it stops", async () => {
    const telnyx = createTelnyxClient({ apiKey: CREDENTIALS.telnyxApiKey, accountSid: ACCOUNT });
    const update = () => telnyx.updateParticipant({ conferenceSid: CONFERENCE, callSid: TX_CALLS[0], body: { Muted: true } });
    const msw = setupServer(...createMswHandlers());
    msw.listen({ onUnhandledRequest: "error" });
    try {
      const { data } = await update();
      expect(data).toMatchObject({ muted: true, call_sid: TX_CALLS[0] });
    } finally {
      msw.close();
    }
    await expect(update()).rejects.toBeInstanceOf(ClientOptionsError);
  });

  it("other credentials go to the provider's server as before (the test Project ID with another token included)", async () => {
    const { seen, fetch } = recordingFetch();
    const client = createSignalWireClient({ space: "example", projectId: CREDENTIALS.projectId, apiToken: TOKEN, fetch });
    const { response } = await client.updateParticipant({ conferenceSid: CONFERENCE, callSid: CALL });
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      `https://example.signalwire.com/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${CALL}`,
    ]);
  });
});

describe("serverUrl", () => {
  const base = { space: "example", projectId: ACCOUNT, apiToken: TOKEN };
  const expected = "a server URL such as https://api.example.com/v2 or http://127.0.0.1:4010";

  it("is refused together with baseUrl, and nothing is sent", () => {
    const error = thrown(() =>
      createTelnyxClient({ apiKey: KEY, accountSid: ACCOUNT, baseUrl: current().origin, serverUrl: current().origin }),
    );
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect((error as ClientOptionsError).violations).toEqual([
      v(
        "invalid_value",
        "serverUrl",
        "cannot be given with baseUrl: baseUrl replaces the server's origin, serverUrl the whole server URL; give one",
        "serverUrl or baseUrl, not both",
      ),
    ]);
    expect(current().requests).toEqual([]);
  });

  it.each([
    [
      "plain http to another host",
      "http://example.com/v2",
      "invalid_value",
      "must use https unless its host is a loopback address: credentials are not sent in clear text",
    ],
    [
      "a query",
      "https://api.example.com/v2?key=1",
      "invalid_format",
      "must have no query or fragment: the operation's path is added to it",
    ],
    ["a fragment", "http://127.0.0.1:4010/v2#top", "invalid_format", "must have no query or fragment: the operation's path is added to it"],
    [
      "an empty query",
      "http://127.0.0.1:4010/v2?",
      "invalid_format",
      "must have no query or fragment: the operation's path is added to it",
    ],
    ["another scheme", "ftp://127.0.0.1/v2", "invalid_value", "must use https (or http to a loopback host)"],
  ] as const)("refuses %s", (_name, serverUrl, code, message) => {
    const error = thrown(() => createSignalWireClient({ ...base, serverUrl })) as ClientOptionsError;
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error.violations).toEqual([v(code, "serverUrl", message, expected, JSON.stringify(serverUrl))]);
  });

  it("refuses credentials in it without echoing them", () => {
    const error = thrown(() =>
      createSignalWireClient({ ...base, serverUrl: "https://user:SECRETpw@api.example.com/v2" }),
    ) as ClientOptionsError;
    expect(error.violations).toEqual([
      v("invalid_value", "serverUrl", "must not carry credentials; the client sends them in the Authorization header", expected),
    ]);
    expect(`${error.message}${JSON.stringify(error.violations)}`).not.toContain("SECRETpw");
  });

  it("refuses a value that is not a URL by its shape only", () => {
    const error = thrown(() => createSignalWireClient({ ...base, serverUrl: "KEY_0123456789abcdefSECRE" })) as ClientOptionsError;
    expect(error.violations).toEqual([v("invalid_format", "serverUrl", "must be an absolute URL", expected, "a string of 25 characters")]);
  });

  it.each(["https://api.example.com/v2", "http://127.0.0.1:4010", "http://localhost:4010/v2/", "https://proxy.example.com/telnyx/v2"])(
    "accepts %s",
    (serverUrl) => {
      expect(() => createTelnyxClient({ apiKey: KEY, accountSid: ACCOUNT, serverUrl })).not.toThrow();
    },
  );
});
