/**
 * JSON bodies and answers: parsed, or the violations that say why not (never an exception). A key given twice
 * in one object is a `repeated_field`, as in a form: JSON.parse would silently keep the last one.
 */
import { visit } from "jsonc-parser";
import { describeValue, fieldPath } from "./describe-value.js";
import { capViolations, type Violation } from "./violations.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Violation[] };

/** Each key that an object of `text` holds more than once, once per place (one pass, no value built). */
function repeatedKeys(text: string): Violation[] {
  const errors: Violation[] = [];
  const reported = new Set<string>();
  const open: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push(new Set());
      },
      onObjectEnd: () => {
        open.pop();
      },
      onObjectProperty: (property, _offset, _length, _line, _character, pathOf) => {
        const keys = open.at(-1);
        if (keys === undefined) return;
        if (!keys.has(property)) {
          keys.add(property);
          return;
        }
        const path = fieldPath([...pathOf(), property]);
        if (reported.has(path)) return;
        reported.add(path);
        errors.push({ code: "repeated_field", path, message: "is repeated; send each field once", expected: "one value" });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return errors;
}

/** Any JSON value; text that is not JSON is an `invalid_json` violation naming the parser's complaint. */
export function parseJson(text: string): Parsed<unknown> {
  if (text.trim() === "") {
    const received = text === "" ? "no characters" : `only whitespace (${text.length} characters)`;
    return { ok: false, errors: [{ code: "invalid_json", path: "", message: "is empty", expected: "JSON", received }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ code: "invalid_json", path: "", message: `is not valid JSON (${(error as Error).message})`, expected: "JSON" }],
    };
  }
  const repeated = repeatedKeys(text);
  return repeated.length === 0 ? { ok: true, value } : { ok: false, errors: capViolations(repeated) };
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
