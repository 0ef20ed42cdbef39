/**
 * The validators as the package exports them: form bodies read by the schema's types, JSON bodies,
 * strict and lenient participants, error bodies, and results instead of exceptions.
 */
import { describe, expect, it } from "vitest";
import { parseJson, parseJsonObject } from "../src/contract/json-body.js";
import { printable } from "../src/contract/violations.js";
import { formatViolation, RequestValidationError, validateErrorBody, validateParticipant, validateUpdateRequest } from "../src/index.js";
import { SW_PARTICIPANT, TX_CALLS } from "./fixtures/ids.js";

const participant = SW_PARTICIPANT;

describe("validateUpdateRequest: form bodies", () => {
  it.each([
    ["Muted=True", { Muted: true }],
    ["Muted=TRUE&Hold=fAlSe", { Muted: true, Hold: false }],
    ["Coaching=False&CallSidToCoach=", { Coaching: false, CallSidToCoach: "" }],
    ["HoldUrl=http%3A%2F%2Fwww.your-application.com%2Fhold&Hold=true", { HoldUrl: "http://www.your-application.com/hold", Hold: true }],
    ["", {}],
  ])("reads %j by the schema's types", (body, value) => {
    expect(validateUpdateRequest("signalwire", body)).toEqual({ ok: true, value });
  });

  it("reads URLSearchParams the same way", () => {
    expect(validateUpdateRequest("telnyx", new URLSearchParams({ Muted: "False", BeepOnExit: "true" }))).toEqual({
      ok: true,
      value: { Muted: false, BeepOnExit: true },
    });
  });

  it.each([
    ["a boolean that is not true or false", "Muted=yes", { path: "Muted", received: '"yes"', expected: "true or false" }],
    ["a repeated key", "Muted=true&Muted=true", { code: "repeated_field", path: "Muted", message: "is repeated; send each field once" }],
    [
      "a malformed percent-escape",
      "HoldUrl=%E0%A4%A",
      { code: "invalid_encoding", path: "HoldUrl", message: "has a malformed percent-escape" },
    ],
    [
      "an unknown field, with the closest known one",
      "HoldURL=http://x",
      { code: "unknown_field", path: "HoldURL", message: "is not a field of this body; did you mean HoldUrl?" },
    ],
    ["a __proto__ key", "__proto__=x", { path: "__proto__" }],
  ])("names the key for %s", (_name, body, violation) => {
    const result = validateUpdateRequest("telnyx", body);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContainEqual(expect.objectContaining(violation));
  });

  it("reports every violation at once", () => {
    const result = validateUpdateRequest("signalwire", "Muted=maybe&HoldMethod=PUT&Coaching=true");
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(["CallSidToCoach", "HoldMethod", "Muted"]);
  });

  it("leaves Object.prototype alone whatever the keys", () => {
    validateUpdateRequest("signalwire", "__proto__=polluted&constructor=x&__proto__[polluted]=1");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("validateUpdateRequest: JSON bodies", () => {
  it("checks an object as it is: booleans must be booleans", () => {
    expect(validateUpdateRequest("telnyx", { Muted: true, CallSidToCoach: TX_CALLS[1], Coaching: true })).toMatchObject({ ok: true });
    const result = validateUpdateRequest("telnyx", { Muted: "true" });
    expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ path: "Muted", expected: "boolean", received: '"true"' })]);
  });
});

describe("validateUpdateRequest: a lone surrogate in a string field is invalid_encoding", () => {
  const loneSurrogate = {
    code: "invalid_encoding",
    path: "CallSidToCoach",
    message: "must be well-formed Unicode (it has a lone surrogate)",
    expected: "well-formed Unicode text",
    received: '"\\ud800"',
  };

  it("Telnyx's CallSidToCoach sent as an object, where a client would send U+FFFD", () => {
    expect(validateUpdateRequest("telnyx", { CallSidToCoach: "\uD800" })).toEqual({ ok: false, errors: [loneSurrogate] });
  });

  it.each(["signalwire", "telnyx", "twilio"] as const)(
    "for %s, reported alone at its field, the other fields' violations kept",
    (provider) => {
      const result = validateUpdateRequest(provider, { Coaching: true, CallSidToCoach: "\uD800", HoldMethod: "PUT" });
      expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([
        ["invalid_encoding", "CallSidToCoach"],
        ["invalid_enum", "HoldMethod"],
      ]);
    },
  );

  it.each([
    ["a low surrogate at the end", { WaitUrl: "https://example.com/hold\uDC00" }, "WaitUrl"],
    ["a high surrogate before a letter", { HoldUrl: "https://example.com/\uD83Dx" }, "HoldUrl"],
    ["an unknown field's value", { Extra: "\uDFFF" }, "Extra"],
  ])("in any string field: %s", (_name, body, path) => {
    const result = validateUpdateRequest("signalwire", body);
    expect(result.ok ? [] : result.errors).toContainEqual(expect.objectContaining({ code: "invalid_encoding", path }));
  });

  it("in a form given as a string (bytes cannot carry one; a string can)", () => {
    expect(validateUpdateRequest("telnyx", "CallSidToCoach=\uD800")).toEqual({ ok: false, errors: [loneSurrogate] });
  });

  it("a surrogate pair is well-formed", () => {
    expect(validateUpdateRequest("telnyx", { CallSidToCoach: "call-\u{1F600}" })).toEqual({
      ok: true,
      value: { CallSidToCoach: "call-\u{1F600}" },
    });
  });
});

describe("printable and formatViolation: what a terminal is handed", () => {
  it.each([
    ["C0 controls, DEL, C1", "a\u001b[31mb\u007f\u009bc", String.raw`a\u001b[31mb\u007f\u009bc`],
    ["line breaks, U+2028 and U+2029", "a\nb\rc\u2028d\u2029e", String.raw`a\u000ab\u000dc\u2028d\u2029e`],
    [
      "every bidirectional format character",
      "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
      String.raw`\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069`,
    ],
    ["zero-width characters and the BOM", "Mu\u200bt\u200ce\u200dd\u2060\ufeff", String.raw`Mu\u200bt\u200ce\u200dd\u2060\ufeff`],
    ["a soft hyphen, variation selector, Hangul filler", "a\u00adb\ufe0fc\u3164", String.raw`a\u00adb\ufe0fc\u3164`],
    ["a tag character, as its two UTF-16 escapes", "x\u{E0041}", String.raw`x\udb40\udc41`],
    ["a lone surrogate", "x\uD800", String.raw`x\ud800`],
  ])("escapes %s", (_name, text, expected) => {
    expect(printable(text)).toBe(expected);
    expect(printable(expected)).toBe(expected);
  });

  it("leaves text as it is: accents, other scripts, right-to-left letters, emoji", () => {
    const text = "Müted café 会議 שלום مرحبا 😀 a\u0301";
    expect(printable(text)).toBe(text);
  });

  it("keeps JSON.stringify's text JSON of the same value", () => {
    const value = { path: "\u202e\u009b\u2028\u{E0041}\\u202e", received: "\uD800" };
    const text = printable(JSON.stringify(value));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("formatViolation escapes the field's name and the value received", () => {
    const line = formatViolation({ code: "unknown_field", path: "Mu\u200bted\u202e", message: "is not a field", received: '"\u2066x"' });
    expect(line).toBe(String.raw`Mu\u200bted\u202e: is not a field (received "\u2066x")`);
  });
});

describe("validateParticipant", () => {
  it("accepts a participant, and undeclared fields unless strict", () => {
    expect(validateParticipant("signalwire", participant)).toEqual({ ok: true, value: participant });
    const extended = { ...participant, hold_url: "http://x" };
    expect(validateParticipant("signalwire", extended).ok).toBe(true);
    const strict = validateParticipant("signalwire", extended, { strict: true });
    expect(strict.ok ? [] : strict.errors).toEqual([expect.objectContaining({ path: "hold_url" })]);
  });

  it("names a wrong field with what was expected and received", () => {
    const result = validateParticipant("signalwire", { ...participant, date_created: "Mon, 24 Sept 2018 21:00:00 +0000" });
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: "date_created", received: '"Mon, 24 Sept 2018 21:00:00 +0000"' }),
    ]);
  });
});

describe("validateErrorBody", () => {
  it.each([
    ["signalwire", { code: 20404, message: "Not found", more_info: "https://developer.signalwire.com/x", status: 404 }, true],
    ["signalwire", { code: "20404", message: "Not found" }, false],
    ["telnyx", { errors: [{ detail: "Resource not found" }] }, true],
    ["telnyx", { errors: [] }, false],
  ] as const)("%s %j → ok %s", (provider, body, ok) => {
    expect(validateErrorBody(provider, body).ok).toBe(ok);
  });
});

describe("never throws", () => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error("boom");
      },
      ownKeys() {
        throw new Error("boom");
      },
      getPrototypeOf() {
        throw new Error("boom");
      },
    },
  );
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  it("reads a cyclic object without recursing into the cycle", () => {
    expect(validateParticipant("telnyx", cyclic).ok).toBe(true);
    expect(validateParticipant("telnyx", cyclic, { strict: true })).toMatchObject({ ok: false, errors: [{ path: "self" }] });
    expect(validateUpdateRequest("signalwire", cyclic)).toMatchObject({ ok: false, errors: [{ path: "self" }] });
  });

  it.each([
    ["a throwing proxy", hostile],
    ["null", null],
    ["a BigInt", 10n],
    ["a symbol", Symbol("x")],
    ["a function", () => 1],
  ])("returns errors for %s", (_name, input) => {
    for (const result of [
      validateUpdateRequest("signalwire", input as never),
      validateParticipant("telnyx", input),
      validateParticipant("signalwire", input, { strict: true }),
      validateErrorBody("telnyx", input),
    ]) {
      expect(result.ok).toBe(false);
    }
  });

  it("returns an error naming the provider when it is unknown", () => {
    const result = validateUpdateRequest("plivo" as never, "Muted=true");
    expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ path: "provider", received: '"plivo"' })]);
  });
});

describe("hostile bodies: bounded reports", () => {
  it("a 10 MB value still lets the other fields' violations be reported", () => {
    const result = validateUpdateRequest("signalwire", { AnnounceUrl: `https://example.com/${"x".repeat(10_000_000)}`, Muted: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([
      ["invalid_type", "Muted"],
      ["invalid_format", "AnnounceUrl"],
    ]);
    expect(result.errors[1]!.received!.length).toBeLessThanOrEqual(80);
  });

  it("form errors and the schema's, merged, are cut to 100 with the count of all the rest", () => {
    const body = `Muted=yes&Muted=no&%zz=1&${Array.from({ length: 300 }, (_, i) => `k${i}=x`).join("&")}`;
    const result = validateUpdateRequest("signalwire", body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors.slice(0, 3).map((e) => e.code)).toEqual(["invalid_encoding", "invalid_type", "repeated_field"]);
    expect(result.errors.at(-1)).toMatchObject({
      code: "too_many_violations",
      message: "has 203 more violations not listed",
      received: "303 violations",
    });
  });

  it("a client's refusal lists at most 100 violations and says how many more", () => {
    const error = new RequestValidationError(
      Array.from({ length: 5_000 }, (_, i) => ({ code: "unknown_field" as const, path: `k${i}`, message: "is not a field" })),
    );
    expect(error.violations).toHaveLength(5_000);
    expect(error.message).toContain("k99: is not a field");
    expect(error.message).not.toContain("k100:");
    expect(error.message).toContain("body: has 4900 more violations not listed");
  });
});

describe("parseJson and parseJsonObject", () => {
  it.each([
    ['{"Muted":"x","Muted":true}', ["Muted"]],
    ['{"a":{"b":1,"b":2},"c":[{"d":1,"d":1,"d":2}]}', ["a.b", "c[0].d"]],
  ])("report each key given twice in one object of %s as repeated_field", (text, paths) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.code, e.path])).toEqual(paths.map((path) => ["repeated_field", path]));
  });

  it("accept the same key in different objects", () => {
    expect(parseJson('{"a":{"k":1},"b":{"k":2},"k":3}')).toEqual({ ok: true, value: { a: { k: 1 }, b: { k: 2 }, k: 3 } });
  });

  it.each([
    ["", "no characters"],
    ["  \n\t", "only whitespace (4 characters)"],
  ])("name an empty body for what it is (%j)", (text, received) => {
    expect(parseJson(text)).toEqual({
      ok: false,
      errors: [{ code: "invalid_json", path: "", message: "is empty", expected: "JSON", received }],
    });
  });

  it.each([
    ["null", "null"],
    ["42", "42"],
    ['"Muted"', '"Muted"'],
  ])("name what a JSON body that is not an object is (%s)", (text, received) => {
    expect(parseJsonObject(text)).toEqual({
      ok: false,
      errors: [{ code: "invalid_type", path: "", message: "must be an object", expected: "object", received }],
    });
  });

  it("refuse comments and trailing commas, which JSON does not have", () => {
    expect(parseJson('{"Muted":true,}').ok).toBe(false);
    expect(parseJson('{"Muted":true /* no */}').ok).toBe(false);
  });
});
