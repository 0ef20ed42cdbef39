/**
 * Violations: what a check found wrong, one per problem, each with a code to branch on; lists of them kept
 * bounded; and one violation as a line of text.
 */
/**
 * What kind of problem a violation is, for code that branches on it (never branch on the English of
 * `message` or `expected`, which may be reworded):
 *
 * | code | the problem |
 * | --- | --- |
 * | `required` | a field, id or option is missing |
 * | `unknown_field` | a field or option that is not one of the known ones (`expected` names the closest) |
 * | `invalid_type` | a value of the wrong JSON type (a string for a boolean, an array for an object) |
 * | `invalid_enum` | a value outside a closed list (`HoldMethod: "PUT"`, an unknown provider) |
 * | `invalid_format` | a string not of its format: a UUID, an absolute URL, an RFC 2822 date, a pattern |
 * | `invalid_value` | a value of the right type that a rule refuses: empty, a constant, a dot segment |
 * | `repeated_field` | a form field sent more than once |
 * | `invalid_encoding` | a malformed percent-escape, a lone surrogate: the bytes cannot be read as text |
 * | `invalid_json` | a body or answer that is not JSON |
 * | `invalid_reference` | an id that names nothing it may name (a coached call outside the conference) |
 * | `unreadable` | the value could not be read at all (a getter or proxy that throws) |
 * | `too_many_violations` | the last entry of a list cut short: how many more there were |
 */
export const VIOLATION_CODES = [
  "required",
  "unknown_field",
  "invalid_type",
  "invalid_enum",
  "invalid_format",
  "invalid_value",
  "repeated_field",
  "invalid_encoding",
  "invalid_json",
  "invalid_reference",
  "unreadable",
  "too_many_violations",
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  /** What kind of problem this is: one of `VIOLATION_CODES`. */
  code: ViolationCode;
  /** The field at fault: `HoldUrl`, `errors[0].detail`; `""` for the body as a whole. */
  path: string;
  /** What is wrong, as a sentence about `path`. */
  message: string;
  expected?: string;
  received?: string;
}

/** How many violations a list reports at most; past that, one `too_many_violations` entry counts the rest. */
export const MAX_VIOLATIONS = 100;

/** How many violations each `too_many_violations` entry made here stands for (read when lists are merged). */
const hiddenCounts = new WeakMap<Violation, number>();

export function tooMany(hidden: number, total: number): Violation {
  const entry: Violation = {
    code: "too_many_violations",
    path: "",
    message: `has ${hidden} more violation${hidden === 1 ? "" : "s"} not listed`,
    expected: `at most ${MAX_VIOLATIONS} violations`,
    received: `${total} violations`,
  };
  hiddenCounts.set(entry, hidden);
  return entry;
}

/**
 * `violations` cut to `MAX_VIOLATIONS`, and a last entry saying how many more there were. Lists already cut
 * (and merged with others) are cut again with their counts added up.
 */
export function capViolations(violations: readonly Violation[]): Violation[] {
  const listed = violations.filter((v) => !hiddenCounts.has(v));
  const hidden = violations.reduce((sum, v) => sum + (hiddenCounts.get(v) ?? 0), 0);
  if (hidden === 0 && listed.length <= MAX_VIOLATIONS) return [...violations];
  const shown = listed.slice(0, MAX_VIOLATIONS);
  const more = hidden + listed.length - shown.length;
  return [...shown, tooMany(more, shown.length + more)];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` safe for a terminal: control characters (ESC, C1 controls, line breaks) written as `\u001b` escapes. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * `HoldMethod: must be one of GET, POST (received "PUT")`. Field names come from the input, so their control
 * characters are escaped, as values' already are.
 */
export function formatViolation(violation: Violation): string {
  const subject = violation.path === "" ? "body" : printable(violation.path);
  return `${subject}: ${violation.message}${violation.received === undefined ? "" : ` (received ${printable(violation.received)})`}`;
}
