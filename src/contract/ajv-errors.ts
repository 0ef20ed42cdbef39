/** ajv's errors → violations a person can act on: which field, what was expected, what was received. */
import { closestName } from "./closest-name.js";
import { describeValue, fieldPath } from "./describe-value.js";
import { formatDescriptions } from "./formats.js";
import type { ErrorObject } from "./validator-error.js";
import { MAX_VIOLATIONS, tooMany, type Violation, type ViolationCode } from "./violations.js";

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

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

function pathOf(instancePath: string, child?: string): string {
  const parts = instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  return fieldPath(parts);
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
    case "type": {
      // A nullable field's type is a list: "a string or null".
      const types = String(params.type).split(",");
      const expected = types.map((type) => (type === "null" ? "null" : withArticle(type))).join(" or ");
      return valueViolation("invalid_type", `must be ${expected}`, types.join(" or "));
    }
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
