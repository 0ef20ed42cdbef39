/**
 * What the contract rejects, table-driven across both providers: each case names the fields that must be
 * reported and what the report must say about each.
 */
import { describe, expect, it } from "vitest";
import { validateErrorBody, validateParticipant, validateUpdateRequest } from "../src/contract/validate.js";
import type { Provider } from "../src/contract/providers.js";
import { ACCOUNT, CONFERENCE, SW_PARTICIPANT, TX_CALLS, txPath } from "./fixtures/ids.js";

const signalwireParticipant = SW_PARTICIPANT;
const telnyxParticipant = {
  account_sid: ACCOUNT,
  call_sid: TX_CALLS[0],
  conference_sid: CONFERENCE,
  date_created: "Mon, 24 Sep 2018 21:00:00 +0000",
  muted: true,
  status: "connected",
  uri: `${txPath(TX_CALLS[0])}.json`,
};
const signalwireError = { code: 20404, message: "Not found", more_info: "https://example.com/errors/20404", status: 404 };

const twilioParticipant = {
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  call_sid: "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  label: null,
  call_sid_to_coach: null,
  coaching: false,
  conference_sid: "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  date_created: "Fri, 18 Feb 2011 21:07:19 +0000",
  date_updated: "Fri, 18 Feb 2011 21:07:19 +0000",
  end_conference_on_exit: false,
  muted: true,
  hold: false,
  start_conference_on_enter: true,
  status: "connected",
  queue_time: null,
  uri: "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json",
};
const twilioError = { code: 20404, message: "Not Found", more_info: "https://www.twilio.com/docs/errors/20404", status: 404 };

type Kind = "request" | "participant" | "strict participant" | "error";
/** field → a pattern the violation's message must match. */
type Expectation = Record<string, RegExp>;
type Case = [name: string, provider: Provider, kind: Kind, input: unknown, expected: Expectation];

const without = (object: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

const cases: Case[] = [
  // SignalWire requests: wrong types
  ["boolean as a word", "signalwire", "request", "Muted=yes", { Muted: /must be true or false/ }],
  ["boolean as a digit", "signalwire", "request", "Hold=1", { Hold: /must be true or false/ }],
  ["boolean as a JSON string", "signalwire", "request", { Muted: "true" }, { Muted: /must be a boolean/ }],
  ["boolean as JSON null", "signalwire", "request", { Coaching: null }, { Coaching: /must be a boolean/ }],
  ["URL as a JSON number", "signalwire", "request", { HoldUrl: 42 }, { HoldUrl: /must be a string/ }],
  // bad enums
  ["HoldMethod PUT", "signalwire", "request", "HoldMethod=PUT", { HoldMethod: /must be one of GET, POST/ }],
  ["HoldMethod in lower case", "signalwire", "request", "HoldMethod=get", { HoldMethod: /must be one of GET, POST/ }],
  ["AnnounceMethod DELETE", "signalwire", "request", "AnnounceMethod=DELETE", { AnnounceMethod: /must be one of GET, POST/ }],
  ["WaitMethod empty", "signalwire", "request", "WaitMethod=", { WaitMethod: /must be one of GET, POST/ }],
  // bad URLs
  ["HoldUrl not a URL", "signalwire", "request", "HoldUrl=not%20a%20url", { HoldUrl: /absolute http\(s\) URL/ }],
  ["HoldUrl over FTP", "signalwire", "request", "HoldUrl=ftp%3A%2F%2Fexample.com%2Fa.mp3", { HoldUrl: /absolute http\(s\) URL/ }],
  ["AnnounceUrl relative", "signalwire", "request", "AnnounceUrl=%2Fannounce.xml", { AnnounceUrl: /absolute http\(s\) URL/ }],
  ["WaitUrl javascript:", "signalwire", "request", "WaitUrl=javascript%3Aalert(1)", { WaitUrl: /absolute http\(s\) URL/ }],
  ["WaitUrl a space", "signalwire", "request", "WaitUrl=+", { WaitUrl: /absolute http\(s\) URL/ }],
  // bad UUIDs
  ["CallSidToCoach not a UUID", "signalwire", "request", "CallSidToCoach=CA123", { CallSidToCoach: /call SID \(UUID\), or empty/ }],
  [
    "the seeds' …98472co id",
    "signalwire",
    "request",
    "CallSidToCoach=b3877c40-da60-4998-90ad-b792e98472co",
    { CallSidToCoach: /call SID \(UUID\)/ },
  ],
  // Coaching without CallSidToCoach (decision 7)
  ["Coaching=true alone", "signalwire", "request", "Coaching=true", { CallSidToCoach: /is required when Coaching is true/ }],
  [
    "Coaching=true, CallSidToCoach empty",
    "signalwire",
    "request",
    "Coaching=true&CallSidToCoach=",
    { CallSidToCoach: /must not be empty when Coaching is true/ },
  ],
  [
    "Coaching true as JSON, no CallSidToCoach",
    "signalwire",
    "request",
    { Coaching: true, Muted: true },
    { CallSidToCoach: /is required when Coaching is true/ },
  ],
  // unknown fields (decision 8)
  ["Beep=true", "signalwire", "request", "Beep=true", { Beep: /must be false/ }],
  ["BeepOnExit (a Twilio/Telnyx field)", "signalwire", "request", "BeepOnExit=true", { BeepOnExit: /not a field/ }],
  [
    "EndConferenceOnExit (a Twilio/Telnyx field)",
    "signalwire",
    "request",
    "EndConferenceOnExit=false",
    { EndConferenceOnExit: /not a field/ },
  ],
  ["HoldURL spelling", "signalwire", "request", "HoldURL=https%3A%2F%2Fexample.com", { HoldURL: /did you mean HoldUrl\?/ }],
  ["lower-case field name", "signalwire", "request", "muted=true", { muted: /did you mean Muted\?/ }],
  ["__proto__ key", "signalwire", "request", "__proto__=x", { ["__proto__"]: /not a field/ }],
  // malformed forms
  ["repeated field", "signalwire", "request", "Muted=true&Muted=false", { Muted: /repeated/ }],
  ["malformed percent-escape", "signalwire", "request", "HoldUrl=%E0%A4%A", { HoldUrl: /malformed percent-escape/ }],
  [
    "every violation at once",
    "signalwire",
    "request",
    "Muted=maybe&HoldMethod=PUT&Coaching=true&Beep=true",
    {
      Muted: /must be true or false/,
      HoldMethod: /one of GET, POST/,
      CallSidToCoach: /required when Coaching is true/,
      Beep: /must be false/,
    },
  ],

  // Telnyx requests
  ["WaitMethod (not a Telnyx field, decision 12)", "telnyx", "request", "WaitMethod=POST", { WaitMethod: /not a field/ }],
  ["Beep (not a Telnyx field)", "telnyx", "request", "Beep=false", { Beep: /not a field/ }],
  ["Coaching=true alone", "telnyx", "request", "Coaching=true", { CallSidToCoach: /is required when Coaching is true/ }],
  [
    "Coaching=True, CallSidToCoach empty",
    "telnyx",
    "request",
    "Coaching=True&CallSidToCoach=",
    { CallSidToCoach: /must not be empty when Coaching is true/ },
  ],
  ["BeepOnExit as a word", "telnyx", "request", "BeepOnExit=maybe", { BeepOnExit: /must be true or false/ }],
  ["EndConferenceOnExit as a digit", "telnyx", "request", "EndConferenceOnExit=1", { EndConferenceOnExit: /must be true or false/ }],
  ["HoldMethod PATCH", "telnyx", "request", "HoldMethod=PATCH", { HoldMethod: /must be one of GET, POST/ }],
  ["WaitUrl relative", "telnyx", "request", "WaitUrl=%2Fwait.mp3", { WaitUrl: /absolute http\(s\) URL/ }],
  ["boolean as a word Twilio would read as false (decision 11)", "telnyx", "request", "Hold=on", { Hold: /must be true or false/ }],
  ["HoldUrl without a scheme", "telnyx", "request", "HoldUrl=www.example.com%2Fhold.mp3", { HoldUrl: /absolute http\(s\) URL/ }],
  ["Muted as a JSON number", "telnyx", "request", { Muted: 1 }, { Muted: /must be a boolean/ }],

  // SignalWire participants
  ["missing account_sid", "signalwire", "participant", without(signalwireParticipant, "account_sid"), { account_sid: /is required/ }],
  [
    "missing call_sid_to_coach (required, may be null)",
    "signalwire",
    "participant",
    without(signalwireParticipant, "call_sid_to_coach"),
    { call_sid_to_coach: /is required/ },
  ],
  [
    "a status neither SignalWire's nor Twilio's (decision 3)",
    "signalwire",
    "participant",
    { ...signalwireParticipant, status: "paused" },
    { status: /one of in-progress, completed, queued, connecting, ringing, connected, complete, failed/ },
  ],
  [
    "date with Sept (decision 2)",
    "signalwire",
    "participant",
    { ...signalwireParticipant, date_created: "Mon, 24 Sept 2018 21:00:00 +0000" },
    { date_created: /RFC 2822/ },
  ],
  [
    "date with the wrong weekday",
    "signalwire",
    "participant",
    { ...signalwireParticipant, date_created: "Tue, 24 Sep 2018 21:00:00 +0000" },
    { date_created: /RFC 2822/ },
  ],
  [
    "ISO 8601 date",
    "signalwire",
    "participant",
    { ...signalwireParticipant, date_updated: "2018-09-25T20:00:00Z" },
    { date_updated: /RFC 2822/ },
  ],
  [
    "date on 31 Sep",
    "signalwire",
    "participant",
    { ...signalwireParticipant, date_updated: "Mon, 31 Sep 2018 20:00:00 +0000" },
    { date_updated: /RFC 2822/ },
  ],
  [
    "call_sid_to_coach empty",
    "signalwire",
    "participant",
    { ...signalwireParticipant, call_sid_to_coach: "" },
    { call_sid_to_coach: /a UUID/ },
  ],
  [
    "Twilio CA sid as call_sid",
    "signalwire",
    "participant",
    { ...signalwireParticipant, call_sid: "CA0123456789abcdef0123456789abcdef" },
    { call_sid: /a UUID/ },
  ],
  ["muted as a string", "signalwire", "participant", { ...signalwireParticipant, muted: "false" }, { muted: /must be a boolean/ }],
  [
    "uri without .json",
    "signalwire",
    "participant",
    { ...signalwireParticipant, uri: signalwireParticipant.uri.replace(".json", "") },
    { uri: /matching/ },
  ],
  ["not an object", "signalwire", "participant", [signalwireParticipant], { "": /must be an object/ }],
  [
    "undeclared hold_url in strict mode",
    "signalwire",
    "strict participant",
    { ...signalwireParticipant, hold_url: "http://example.com/hold" },
    { hold_url: /not a field/ },
  ],

  // Telnyx participants
  [
    "SignalWire's status in-progress",
    "telnyx",
    "participant",
    { ...telnyxParticipant, status: "in-progress" },
    { status: /one of connecting, connected, completed/ },
  ],
  [
    "date with a +00:00 zone",
    "telnyx",
    "participant",
    { ...telnyxParticipant, date_created: "Mon, 24 Sep 2018 21:00:00 +00:00" },
    { date_created: /RFC 2822/ },
  ],
  [
    "Twilio's status complete (decision 3: not Telnyx's)",
    "telnyx",
    "participant",
    { ...telnyxParticipant, status: "complete" },
    { status: /one of connecting, connected, completed/ },
  ],
  ["conference_sid not a UUID", "telnyx", "participant", { ...telnyxParticipant, conference_sid: "conf-1" }, { conference_sid: /a UUID/ }],
  ["hold as a word", "telnyx", "participant", { ...telnyxParticipant, hold: "yes" }, { hold: /must be a boolean/ }],
  ["uri without .json", "telnyx", "participant", { ...telnyxParticipant, uri: "/v2/texml/Accounts/x" }, { uri: /matching/ }],
  ["undeclared field in strict mode", "telnyx", "strict participant", { ...telnyxParticipant, label: "agent" }, { label: /not a field/ }],

  // error bodies
  ["SignalWire code as a string", "signalwire", "error", { ...signalwireError, code: "20404" }, { code: /must be an integer/ }],
  ["SignalWire without more_info", "signalwire", "error", without(signalwireError, "more_info"), { more_info: /is required/ }],
  ["SignalWire status 200 in an error", "signalwire", "error", { ...signalwireError, status: 200 }, { status: />= 400/ }],
  [
    "SignalWire given Telnyx's envelope",
    "signalwire",
    "error",
    { errors: [{ detail: "Resource not found" }] },
    {
      code: /is required/,
      message: /is required/,
      more_info: /is required/,
      status: /is required/,
    },
  ],
  ["Telnyx empty errors list", "telnyx", "error", { errors: [] }, { errors: /fewer than 1 items/ }],
  ["Telnyx without errors", "telnyx", "error", { error: "not found" }, { errors: /is required/ }],
  [
    "Telnyx error with neither detail nor title",
    "telnyx",
    "error",
    { errors: [{ code: "10009" }] },
    { "errors[0]": /must have detail or title/ },
  ],
  [
    "Telnyx numeric code",
    "telnyx",
    "error",
    { errors: [{ code: 10009, title: "Authentication failed" }] },
    { "errors[0].code": /must be a string/ },
  ],
  ["Telnyx given SignalWire's body", "telnyx", "error", signalwireError, { errors: /is required/ }],
  // the coaching rule reports only when its condition holds, and a field once
  ["JSON Coaching not a boolean: only its type", "telnyx", "request", { Coaching: "yes" }, { Coaching: /must be a boolean/ }],
  [
    "JSON CallSidToCoach a number while coaching: reported once",
    "telnyx",
    "request",
    { Coaching: true, CallSidToCoach: 5 },
    { CallSidToCoach: /must be a string$/ },
  ],
  [
    "an unknown field beside Coaching=true alone",
    "signalwire",
    "request",
    { Coaching: true, Foo: 1 },
    { Foo: /is not a field/, CallSidToCoach: /is required when Coaching is true/ },
  ],
  // a Telnyx error's shared fields are checked in each alternative, and reported once
  ["Telnyx error detail a number", "telnyx", "error", { errors: [{ detail: 5 }] }, { "errors[0].detail": /must be a string/ }],
  ["Telnyx error entry not an object", "telnyx", "error", { errors: [7] }, { "errors[0]": /must be an object/ }],
  // Twilio requests
  ["Coaching=true alone", "twilio", "request", "Coaching=true", { CallSidToCoach: /is required when Coaching is true/ }],
  [
    "Coaching=true, CallSidToCoach empty (decision 22)",
    "twilio",
    "request",
    "Coaching=true&CallSidToCoach=",
    { CallSidToCoach: /call SID \(CA and 32 hex digits\)/ },
  ],
  [
    "CallSidToCoach empty to stop coaching (decision 22)",
    "twilio",
    "request",
    "Coaching=false&CallSidToCoach=",
    { CallSidToCoach: /call SID \(CA and 32 hex digits\)/ },
  ],
  [
    "CallSidToCoach a UUID (decision 19)",
    "twilio",
    "request",
    "CallSidToCoach=b3877c40-da60-4998-90ad-b792e98472cb",
    { CallSidToCoach: /call SID \(CA and 32 hex digits\)/ },
  ],
  ["CallSidToCoach too short", "twilio", "request", "CallSidToCoach=CA123", { CallSidToCoach: /call SID/ }],
  ["Beep (not a Twilio field, decision 21)", "twilio", "request", "Beep=false", { Beep: /not a field/ }],
  ["HoldURL spelling (decision 21)", "twilio", "request", "HoldURL=https%3A%2F%2Fexample.com", { HoldURL: /did you mean HoldUrl\?/ }],
  ["WaitMethod PUT", "twilio", "request", "WaitMethod=PUT", { WaitMethod: /must be one of GET, POST/ }],
  ["BeepOnExit as a word", "twilio", "request", "BeepOnExit=maybe", { BeepOnExit: /must be true or false/ }],
  ["Muted read as false by Twilio (decision 11)", "twilio", "request", "Muted=on", { Muted: /must be true or false/ }],
  ["AnnounceUrl relative", "twilio", "request", "AnnounceUrl=%2Fannounce.xml", { AnnounceUrl: /absolute http\(s\) URL/ }],
  [
    "Coaching true as JSON, no CallSidToCoach",
    "twilio",
    "request",
    { Coaching: true },
    { CallSidToCoach: /is required when Coaching is true/ },
  ],
  // Twilio participants
  [
    "SignalWire's and Telnyx's completed (decision 20)",
    "twilio",
    "participant",
    { ...twilioParticipant, status: "completed" },
    { status: /one of queued, connecting, ringing, connected, complete, failed/ },
  ],
  [
    "status null (the one field Twilio does not make nullable)",
    "twilio",
    "participant",
    { ...twilioParticipant, status: null },
    { status: /must be a string/ },
  ],
  [
    "call_sid a UUID (decision 19)",
    "twilio",
    "participant",
    { ...twilioParticipant, call_sid: "b3877c40-da60-4998-90ad-b792e98472ca" },
    { call_sid: /call SID \(CA and 32 hex digits\)/ },
  ],
  [
    "account_sid too short",
    "twilio",
    "participant",
    { ...twilioParticipant, account_sid: "AC123" },
    { account_sid: /account SID \(AC and 32 hex digits\)/ },
  ],
  [
    "conference_sid a call SID",
    "twilio",
    "participant",
    { ...twilioParticipant, conference_sid: "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    { conference_sid: /conference SID \(CF and 32 hex digits\)/ },
  ],
  [
    "uri naming a label (decision 25)",
    "twilio",
    "participant",
    { ...twilioParticipant, uri: twilioParticipant.uri.replace(/CAa+\.json$/, "customer.json") },
    { uri: /participant URI/ },
  ],
  [
    "date with a GMT zone",
    "twilio",
    "participant",
    { ...twilioParticipant, date_updated: "Fri, 18 Feb 2011 21:07:19 GMT" },
    { date_updated: /RFC 2822/ },
  ],
  ["muted as a string", "twilio", "participant", { ...twilioParticipant, muted: "true" }, { muted: /must be/ }],
  [
    "undeclared api_version in strict mode",
    "twilio",
    "strict participant",
    { ...twilioParticipant, api_version: "2010-04-01" },
    { api_version: /not a field/ },
  ],
  // Twilio error bodies
  ["Twilio code as a string", "twilio", "error", { ...twilioError, code: "20404" }, { code: /must be an integer/ }],
  [
    "Twilio without more_info (decision 29)",
    "twilio",
    "error",
    { code: 20404, message: "Not Found", status: 404 },
    { more_info: /is required/ },
  ],
  ["Twilio details not an object", "twilio", "error", { ...twilioError, details: "none" }, { details: /must be an object/ }],
  [
    "Twilio given Telnyx's envelope",
    "twilio",
    "error",
    { errors: [{ detail: "Resource not found" }] },
    { code: /is required/, message: /is required/, more_info: /is required/, status: /is required/ },
  ],
  // every provider: a lone surrogate in a string field of an object body, which a client would send as U+FFFD
  ["a lone surrogate in CallSidToCoach", "signalwire", "request", { CallSidToCoach: "\uD800" }, { CallSidToCoach: /well-formed Unicode/ }],
  ["a lone surrogate in CallSidToCoach", "telnyx", "request", { CallSidToCoach: "\uD800" }, { CallSidToCoach: /well-formed Unicode/ }],
  ["a lone surrogate in CallSidToCoach", "twilio", "request", { CallSidToCoach: "\uD800" }, { CallSidToCoach: /well-formed Unicode/ }],
  [
    "a lone surrogate in WaitUrl, beside Coaching alone",
    "telnyx",
    "request",
    { WaitUrl: "https://example.com/\uDC00", Coaching: true },
    { WaitUrl: /well-formed Unicode/, CallSidToCoach: /is required when Coaching is true/ },
  ],
];

function run(provider: Provider, kind: Kind, input: unknown) {
  switch (kind) {
    case "request":
      return validateUpdateRequest(provider, input as string | Record<string, unknown>);
    case "participant":
      return validateParticipant(provider, input);
    case "strict participant":
      return validateParticipant(provider, input, { strict: true });
    case "error":
      return validateErrorBody(provider, input);
  }
}

describe("the contract rejects", () => {
  it("has at least 40 cases across every provider", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map(([, provider]) => provider))).toEqual(new Set(["signalwire", "telnyx", "twilio"]));
  });

  it("accepts Twilio's participant with every nullable field null, and one with no field (decision 24)", () => {
    const nulls = Object.fromEntries(
      Object.keys(twilioParticipant)
        .filter((k) => k !== "status")
        .map((k) => [k, null]),
    );
    expect(validateParticipant("twilio", { ...nulls, status: "complete" }, { strict: true }).ok).toBe(true);
    expect(validateParticipant("twilio", {}).ok).toBe(true);
  });

  it.each(cases)("%s (%s %s)", (_name, provider, kind, input, expected) => {
    const result = run(provider, kind, input);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.path).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, pattern] of Object.entries(expected)) {
      const violation = errors.find((e) => e.path === path)!;
      expect(violation.message).toMatch(pattern);
      expect(violation.expected ?? violation.message).toBeTruthy();
    }
  });

  it("reports what was received for a wrong value", () => {
    const result = validateUpdateRequest("signalwire", "HoldMethod=PUT");
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: "invalid_enum", path: "HoldMethod", message: "must be one of GET, POST", expected: "one of GET, POST", received: '"PUT"' },
      ],
    });
  });

  it.each(["queued", "connecting", "ringing", "connected", "complete", "failed"])(
    "accepts Twilio's participant status %s from SignalWire (decision 3)",
    (status) => {
      expect(validateParticipant("signalwire", { ...signalwireParticipant, status }).ok).toBe(true);
    },
  );

  it.each(["signalwire", "telnyx", "twilio"] as const)("accepts an empty WaitUrl, as a form and as JSON (%s, decision 13)", (provider) => {
    expect(validateUpdateRequest(provider, "WaitUrl=")).toEqual({ ok: true, value: { WaitUrl: "" } });
    expect(validateUpdateRequest(provider, { WaitUrl: "" }).ok).toBe(true);
  });

  it("accepts SignalWire's more_info as the plain string SignalWire publishes (decision 15)", () => {
    expect(validateErrorBody("signalwire", { ...signalwireError, more_info: "see the error list" }).ok).toBe(true);
  });

  it("allows undeclared response fields unless strict", () => {
    expect(validateParticipant("signalwire", { ...signalwireParticipant, hold_url: "http://example.com/hold" }).ok).toBe(true);
  });
});
