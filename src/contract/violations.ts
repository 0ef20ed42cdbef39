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

/**
 * What a terminal must not be handed as it is, one code point at a time:
 *
 * - `Cc`, controls: C0 (ESC starts terminal sequences, CR and LF forge lines), DEL, C1 (U+009B is a one-byte CSI);
 * - `Cf`, format characters: the bidirectional ones (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)
 *   reorder what follows them ("Trojan Source", CVE-2021-42574), the zero-width ones (U+200B–U+200D, U+2060,
 *   U+FEFF) and tags (U+E0000–U+E007F) hide text, so `Mu\u200bted` would read as `Muted`;
 * - `Default_Ignorable_Code_Point`: the rest of what is drawn as nothing (variation selectors, U+034F, the
 *   Hangul fillers U+115F, U+1160, U+3164), for the same reason;
 * - `Zl`, `Zp`: U+2028 and U+2029, which some terminals and viewers break lines on;
 * - `Cs`, a lone surrogate: written to a UTF-8 terminal as U+FFFD, which would hide what was wrong.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `\u202e` for U+202E; a code point past U+FFFF as its two UTF-16 escapes, as JSON writes it. */
const escaped = (character: string) => {
  let text = "";
  for (let i = 0; i < character.length; i++) text += `\\u${character.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return text;
};

/**
 * `text` safe for a terminal: every character above (ESC, C1 controls, line breaks, bidirectional and
 * invisible format characters, lone surrogates) written as a `\u001b` escape. `JSON.stringify`'s text stays
 * JSON of the same value: the escape is JSON's own, and without indentation these characters stand only in
 * its strings.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}

/**
 * `HoldMethod: must be one of GET, POST (received "PUT")`. Field names come from the input, so their control
 * characters are escaped, as values' already are.
 */
export function formatViolation(violation: Violation): string {
  const subject = violation.path === "" ? "body" : printable(violation.path);
  return `${subject}: ${violation.message}${violation.received === undefined ? "" : ` (received ${printable(violation.received)})`}`;
}
