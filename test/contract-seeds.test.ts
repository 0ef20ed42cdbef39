/**
 * The seeds as written. Each scenario's request, as the form body its curl sample sends, validates. Each
 * seed response, exactly as printed, is validated, and where it fails, the failures are exactly the ones
 * the spec's decisions predict (the decision numbers refer to the table in info.description).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateParticipant, validateUpdateRequest, type ValidationResult } from "../src/contract/validate.js";
import { COACHED } from "./fixtures/ids.js";

// The seeds' placeholder `CallSidToCoach=CallSidToCoach` is filled with a real participant id: COACHED.

// curl --data-urlencode sends NAME=<value percent-encoded>; these are the bodies seed 003's samples send.
const seedRequests: [scenario: string, body: string][] = [
  ["update (no fields)", ""],
  ["coaching", `Muted=False&Coaching=True&Beep=False&CallSidToCoach=${COACHED}`],
  ["monitoring", `Muted=True&Coaching=True&Beep=False&CallSidToCoach=${COACHED}`],
  ["coaching (seed 001's Node sample: PascalCase keys the SDK does not read, so it sends nothing, decision 8)", ""],
  ["barge (curl)", "Muted=False&Coaching=False"],
  ["barge (Node SDK, callSidToCoach: '')", "Muted=false&Coaching=false&CallSidToCoach="],
  ["mute", "Muted=True"],
  ["hold with music", "Hold=True&HoldUrl=http%3A%2F%2Fwww.your-application.com%2Fhold"],
];

describe("seed requests as their curl samples send them", () => {
  it.each(seedRequests)("%s validates for SignalWire", (_scenario, body) => {
    const result = validateUpdateRequest("signalwire", body);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("reads the capitalised booleans as booleans", () => {
    const result = validateUpdateRequest("signalwire", seedRequests[2]![1]);
    expect(result).toEqual({ ok: true, value: { Muted: true, Coaching: true, Beep: false, CallSidToCoach: COACHED } });
  });

  it("rejects the samples' unfilled placeholder CallSidToCoach=CallSidToCoach (not a call id)", () => {
    const result = validateUpdateRequest("signalwire", "Muted=False&Coaching=True&Beep=False&CallSidToCoach=CallSidToCoach");
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["CallSidToCoach"]);
  });

  it("rejects Telnyx's older HoldURL spelling and suggests HoldUrl (decision 10)", () => {
    const result = validateUpdateRequest("telnyx", "Hold=true&HoldURL=https%3A%2F%2Fexample.com%2Fhold.mp3");
    expect(result.ok ? [] : result.errors).toEqual([
      { code: "unknown_field", path: "HoldURL", message: "is not a field of this body; did you mean HoldUrl?", expected: "HoldUrl" },
    ]);
  });
});

type SeedResponse = { source: string; body: Record<string, unknown> };
const seedResponses = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "contract", "seed-responses.json"), "utf8")) as Record<
  string,
  SeedResponse
>;

const SEPT_DATES = ["date_created: an RFC 2822 date", "date_updated: an RFC 2822 date"]; // decision 2
const PA_URI = "uri: a string matching"; // decision 1: …98472pa is not a UUID
const XXX_COACHED = "call_sid_to_coach: a UUID"; // decision 1
const MISSING_IDS = ["account_sid: a value", "call_sid: a value", "conference_sid: a value"]; // decision 4

/** What each seed response breaks, as `path: expected` (the start of `expected`). */
const predicted: Record<string, { failures: string[]; strictAlso?: string[] }> = {
  "signalwire-reference": { failures: ["call_sid_to_coach: a UUID", ...SEPT_DATES] },
  // `status: complete` (Twilio's value) passes: decision 3 accepts Twilio's participant values from SignalWire.
  "signalwire-monitoring": { failures: [...MISSING_IDS, ...SEPT_DATES, XXX_COACHED, PA_URI] },
  "signalwire-barge": { failures: [...MISSING_IDS, "call_sid_to_coach: a value", ...SEPT_DATES, PA_URI] },
  "signalwire-mute": { failures: [...MISSING_IDS, ...SEPT_DATES, XXX_COACHED, PA_URI] },
  "signalwire-hold": {
    failures: [...MISSING_IDS, "call_sid_to_coach: a value", "coaching: a value", ...SEPT_DATES, PA_URI],
    strictAlso: ["hold_url: no such field"],
  },
};

function failures(result: ValidationResult<unknown>, expected: string[]): string[] {
  if (result.ok) return [];
  // Each violation as `path: expected`, cut to the length of the prediction it should match.
  return result.errors
    .map((e) => `${e.path}: ${e.expected ?? e.message}`)
    .map((text) => expected.find((prediction) => text.startsWith(prediction)) ?? text)
    .sort();
}

describe("seed responses exactly as printed", () => {
  it("covers every transcribed seed response", () => {
    expect(Object.keys(predicted).sort()).toEqual(Object.keys(seedResponses).sort());
  });

  it.each(Object.entries(predicted))("%s fails exactly as the decisions predict", (name, { failures: expected, strictAlso = [] }) => {
    const { body } = seedResponses[name]!;
    expect(failures(validateParticipant("signalwire", body), expected)).toEqual([...expected].sort());
    const strict = [...expected, ...strictAlso];
    expect(failures(validateParticipant("signalwire", body, { strict: true }), strict)).toEqual(strict.sort());
  });

  it("the reference response passes once the decisions' corrections are applied", () => {
    const corrected = {
      ...seedResponses["signalwire-reference"]!.body,
      call_sid_to_coach: COACHED,
      date_created: "Mon, 24 Sep 2018 21:00:00 +0000",
      date_updated: "Tue, 25 Sep 2018 20:00:00 +0000",
    };
    expect(validateParticipant("signalwire", corrected, { strict: true })).toEqual({ ok: true, value: corrected });
  });
});
