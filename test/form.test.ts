/** Form bodies: the serializer writes exactly what URLSearchParams writes, for any field names and values. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeForm } from "../src/contract/form.js";

function reference(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) if (value !== undefined && value !== null) form.append(key, String(value));
  return form.toString();
}

describe("serializeForm", () => {
  it.each([
    [{ Muted: true, Hold: false }, "Muted=true&Hold=false"],
    [{ CallSidToCoach: "" }, "CallSidToCoach="],
    [
      { HoldUrl: "http://www.your-application.com/hold?a=1&b=two words" },
      "HoldUrl=http%3A%2F%2Fwww.your-application.com%2Fhold%3Fa%3D1%26b%3Dtwo+words",
    ],
    [{ Muted: undefined, Hold: null, Coaching: false }, "Coaching=false"],
    [{ "x!'()~*-._": "!'()~*-._ é" }, "x%21%27%28%29%7E*-._=%21%27%28%29%7E*-._+%C3%A9"],
    [{ lone: "\uD800" }, "lone=%EF%BF%BD"],
  ])("%j → %s", (body, expected) => {
    expect(serializeForm(body)).toBe(expected);
    expect(serializeForm(body)).toBe(reference(body));
  });

  it("matches URLSearchParams on arbitrary keys and values (property, seeded)", () => {
    const values = fc.oneof(fc.string({ unit: "binary" }), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.integer());
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), values), (body) => {
        expect(serializeForm(body)).toBe(reference(body));
      }),
      { seed: 2822, numRuns: 2000 },
    );
  });
});
