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

/**
 * How deep JSON may nest (objects and arrays): far more than any document of this package needs (bodies and
 * answers are flat, fixtures nest 6 deep), and little enough that nothing that walks a value recursively can
 * run out of stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests deeper than `MAX_JSON_DEPTH`: one pass, no recursion, strings skipped. */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** Any JSON value; text that is not JSON is an `invalid_json` violation naming the parser's complaint. */
export function parseJson(text: string): Parsed<unknown> {
  if (text.trim() === "") {
    const received = text === "" ? "no characters" : `only whitespace (${text.length} characters)`;
    return { ok: false, errors: [{ code: "invalid_json", path: "", message: "is empty", expected: "JSON", received }] };
  }
  if (nestsTooDeep(text)) {
    return {
      ok: false,
      errors: [
        {
          code: "invalid_json",
          path: "",
          message: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
          expected: `JSON nested at most ${MAX_JSON_DEPTH} deep`,
        },
      ],
    };
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
