/** JSON bodies and answers: parsed, or the violation that says why not (never an exception). */
import { describeValue, type Violation } from "./violations.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Violation[] };

/** Any JSON value; text that is not JSON is an `invalid_json` violation naming the parser's complaint. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      errors: [{ code: "invalid_json", path: "", message: `is not valid JSON (${(error as Error).message})`, expected: "JSON" }],
    };
  }
}

/** A JSON body that must be an object of fields (an update): anything else says what it was instead. */
export function parseJsonObject(text: string): Parsed<Record<string, unknown>> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const { value } = parsed;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  const received = Array.isArray(value) ? `an array (${describeValue(value)})` : describeValue(value);
  return {
    ok: false,
    errors: [{ code: "invalid_type", path: "", message: "must be an object", expected: "object", received }],
  };
}
