/** ajv's errors → violations a person can act on: which field, what was expected, what was received. */
import type { ErrorObject } from "./validator-error.js";
import { formatDescriptions } from "./formats.js";

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

/** A schema's conditional rule (the coaching rule), as generated/validators.ts describes it. */
export interface ConditionalRule {
  /** The condition in words: `Coaching is true`. */
  text: string;
  /** Where the rule's `anyOf` is in the schema: `#/allOf/1/anyOf`. */
  schemaPath: string;
  /** The branch of that `anyOf` that applies when the condition holds. */
  branch: number;
  /** The fields the condition tests. */
  when: readonly string[];
}

const DESCRIBED_LENGTH = 80;

/** Thrown inside `boundedJson` once enough text is written: stops the walk. */
const ENOUGH = Symbol("enough");

/**
 * JSON.stringify's text for `value`, but only its first `limit` characters or so: the walk stops there, so a
 * huge, deeply nested or shared-reference value costs no more than a short one.
 */
function boundedJson(value: unknown, limit: number): string | undefined {
  let text = "";
  const write = (part: string) => {
    text += part;
    if (text.length > limit) throw ENOUGH;
  };
  const walk = (item: unknown, inArray: boolean): void => {
    if (item !== null && typeof item === "object" && typeof (item as { toJSON?: unknown }).toJSON === "function") {
      item = (item as { toJSON(): unknown }).toJSON();
    }
    if (typeof item === "string") {
      write(JSON.stringify(item.length > limit ? item.slice(0, limit + 1) : item));
    } else if (typeof item === "bigint") {
      write(`${item}n`);
    } else if (item === undefined || typeof item === "function" || typeof item === "symbol") {
      write(inArray ? "null" : "");
    } else if (item === null || typeof item !== "object") {
      write(JSON.stringify(item) ?? "null");
    } else if (Array.isArray(item)) {
      write("[");
      item.forEach((element, i) => {
        if (i > 0) write(",");
        walk(element, true);
      });
      write("]");
    } else {
      walkObject(item as Record<string, unknown>);
    }
  };
  const walkObject = (item: Record<string, unknown>): void => {
    write("{");
    let first = true;
    for (const key of Object.keys(item)) {
      const property = item[key];
      if (property === undefined || typeof property === "function" || typeof property === "symbol") continue;
      write(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      walk(property, false);
    }
    write("}");
  };
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  try {
    walk(value, false);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
  return text;
}

/** A short, safe rendering of a received value (never throws, whatever the value, and stops after 80 characters). */
export function describeValue(value: unknown): string {
  try {
    const text = boundedJson(value, DESCRIBED_LENGTH);
    if (text === undefined) return String(value);
    return text.length > DESCRIBED_LENGTH ? `${text.slice(0, DESCRIBED_LENGTH - 3)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** A violation's `path` from the segments to a value: `errors[0].detail`. */
export function fieldPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, part) => (typeof part === "number" || /^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    "",
  );
}

function pathOf(instancePath: string, child?: string): string {
  const parts = instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  return fieldPath(parts);
}

/** The known name closest to `name`, if one is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= Math.max(2, Math.floor(candidate.length / 4)) && (best === undefined || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How an `anyOf` names its alternatives: each branch's title, or the fields a `required` branch asks for. */
function alternativesOf(schemas: unknown): { kind: "value" | "fields"; text: string } | undefined {
  if (!Array.isArray(schemas)) return undefined;
  const branches = schemas as { title?: unknown; required?: unknown; allOf?: { required?: unknown }[] }[];
  if (branches.every((b) => typeof b.title === "string")) return { kind: "value", text: branches.map((b) => b.title).join(", or ") };
  // A branch requires its fields itself, or in a member of its allOf (shared fields and one required list).
  const required = branches.map((b) => b.required ?? b.allOf?.find((member) => Array.isArray(member.required))?.required);
  if (required.every((fields) => Array.isArray(fields))) {
    return { kind: "fields", text: required.map((fields) => (fields as string[]).join(" and ")).join(" or ") };
  }
  return undefined;
}

function toViolation(error: ErrorObject, condition?: string): Violation {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { title?: string; properties?: Record<string, unknown> };
  const when = condition === undefined ? "" : ` when ${condition}`;
  const path = pathOf(error.instancePath);
  // Described only where the value is the field's own: an object-level error's data is the whole body, and
  // describing it for each of thousands of unknown keys would cost time in the square of the body's size.
  const valueViolation = (code: ViolationCode, message: string, expected: string): Violation => ({
    code,
    path,
    message,
    expected,
    ...(error.data === undefined ? {} : { received: describeValue(error.data) }),
  });
  switch (error.keyword) {
    case "required":
      return {
        code: "required",
        path: pathOf(error.instancePath, String(params.missingProperty)),
        message: `is required${when}`,
        expected: "a value",
      };
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      const suggestion = closestName(name, Object.keys(parent.properties ?? {}));
      return {
        code: "unknown_field",
        path: pathOf(error.instancePath, name),
        message: `is not a field of this ${error.instancePath ? "object" : "body"}${suggestion ? `; did you mean ${suggestion}?` : ""}`,
        expected: suggestion ?? "no such field",
      };
    }
    case "type":
      return valueViolation("invalid_type", `must be ${withArticle(String(params.type))}`, String(params.type));
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v)).join(", ");
      return valueViolation("invalid_enum", `must be one of ${allowed}`, `one of ${allowed}`);
    }
    case "const":
      return valueViolation("invalid_value", `must be ${describeValue(params.allowedValue)}`, describeValue(params.allowedValue));
    case "format": {
      const expected = formatDescriptions[String(params.format)] ?? `format ${String(params.format)}`;
      return valueViolation("invalid_format", `must be ${expected}`, expected);
    }
    case "pattern": {
      const expected = parent.title ? withArticle(parent.title) : `a string matching ${String(params.pattern)}`;
      return valueViolation("invalid_format", `must be ${expected}`, expected);
    }
    case "minLength":
      if (params.limit === 1) return valueViolation("invalid_value", `must not be empty${when}`, "a non-empty string");
      break;
    case "anyOf":
    case "oneOf": {
      const alternatives = alternativesOf(error.schema);
      if (alternatives?.kind === "value") return valueViolation("invalid_format", `must be ${alternatives.text}`, alternatives.text);
      if (alternatives?.kind === "fields")
        return { code: "required", path, message: `must have ${alternatives.text}`, expected: alternatives.text };
      break;
    }
  }
  const { expected: _none, ...rest } = valueViolation("invalid_value", `${error.message ?? "is not valid"}${when}`, "");
  return rest;
}

const VALUE_KEYWORDS = new Set(["type", "enum", "const", "format", "pattern"]);

/**
 * The errors of a conditional rule's `anyOf`, split from the others: when the condition holds (its branch
 * found nothing wrong with the tested fields), that branch's errors on the other fields; otherwise none.
 */
function splitRule(
  errors: readonly ErrorObject[],
  rule: ConditionalRule | undefined,
): { rest: ErrorObject[]; consequences: ErrorObject[] } {
  const anyOf = rule && errors.find((e) => e.keyword === "anyOf" && e.instancePath === "" && e.schemaPath.endsWith(rule.schemaPath));
  if (rule === undefined || anyOf === undefined) return { rest: [...errors], consequences: [] };
  const tested = new Set(rule.when.map((field) => `/${field}`));
  const branch = errors.filter((e) => e.schemaPath.startsWith(`${anyOf.schemaPath}/${rule.branch}/`));
  const holds = branch.every((e) => !tested.has(e.instancePath));
  return {
    rest: errors.filter((e) => e !== anyOf && !e.schemaPath.startsWith(`${anyOf.schemaPath}/`)),
    consequences: holds ? branch : [],
  };
}

/**
 * The violations behind ajv's errors: one per problem, the `if`, the rule's and collapsed `anyOf` branch noise
 * left out. Past `MAX_VIOLATIONS`, problems are only counted (no message, no suggestion is worked out for them)
 * and the list ends with one `too_many_violations` entry.
 */
export function toViolations(errors: readonly ErrorObject[], rule?: ConditionalRule): Violation[] {
  const { rest, consequences } = splitRule(errors, rule);
  const summarised = rest.filter((e) => (e.keyword === "anyOf" || e.keyword === "oneOf") && alternativesOf(e.schema) !== undefined);
  const missingField = (s: ErrorObject, error: ErrorObject) => error.keyword === "required" && error.instancePath === s.instancePath;
  // A branch's errors are noise, except the values a "fields" anyOf's branches check (reported once each).
  const isBranchNoise = (error: ErrorObject) =>
    summarised.some(
      (s) =>
        error.instancePath.startsWith(s.instancePath) &&
        error.schemaPath.startsWith(`${s.schemaPath}/`) &&
        (alternativesOf(s.schema)?.kind === "value" || missingField(s, error)),
    );
  // "must have detail or title" only when every branch misses its field, not when a shared field's value is wrong.
  const missesEveryBranch = (s: ErrorObject) =>
    alternativesOf(s.schema)?.kind !== "fields" ||
    (s.schema as unknown[]).every((_, i) => rest.some((e) => missingField(s, e) && e.schemaPath.startsWith(`${s.schemaPath}/${i}/`)));
  const violations: Violation[] = [];
  const seen = new Set<string>();
  let uncounted = 0;
  for (const error of rest) {
    if (error.keyword === "if") continue;
    if (isBranchNoise(error)) continue;
    if (summarised.includes(error) && !missesEveryBranch(error)) continue;
    if (violations.length >= MAX_VIOLATIONS) {
      // Counted by a key that costs no message: a problem's own field and rule.
      const params = error.params as Record<string, unknown>;
      const name = params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty ?? "";
      const key = VALUE_KEYWORDS.has(error.keyword)
        ? `${pathOf(error.instancePath)}\u0000value`
        : `${error.instancePath}\u0000${String(name)}\u0000${error.schemaPath}`;
      if (!seen.has(key)) {
        seen.add(key);
        uncounted++;
      }
      continue;
    }
    const violation = toViolation(error);
    // One report per problem: a value that breaks its pattern and its format is one wrong value.
    const key = VALUE_KEYWORDS.has(error.keyword) ? `${violation.path}\u0000value` : `${violation.path}\u0000${violation.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      violations.push(violation);
    }
  }
  // What the rule adds, on fields nothing else has reported (a CallSidToCoach of the wrong type is reported once).
  for (const error of consequences) {
    const violation = toViolation(error, rule?.text);
    if (violations.some((v) => v.path === violation.path)) continue;
    if (violations.length >= MAX_VIOLATIONS) uncounted++;
    else violations.push(violation);
  }
  return uncounted === 0 ? violations : [...violations, tooMany(uncounted, violations.length + uncounted)];
}

/** How many violations a list reports at most; past that, one `too_many_violations` entry counts the rest. */
export const MAX_VIOLATIONS = 100;

/** How many violations each `too_many_violations` entry made here stands for (read when lists are merged). */
const hiddenCounts = new WeakMap<Violation, number>();

function tooMany(hidden: number, total: number): Violation {
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
