/**
 * A JSON Schema (2020-12, as OpenAPI 3.1 writes it) in words: its type as a short label and its
 * constraints as notes (`Allowed: GET, POST`, `Default: GET`, `When not empty: …`). What the fields table
 * prints beside each field.
 */
import { code, escapeHtml } from "./html.js";
import { deref, type Json, refName } from "./refs.js";

/** A JSON value as a code span (strings as they are, anything else as JSON). */
export function literal(value: unknown): string {
  return code(typeof value === "string" ? value : JSON.stringify(value));
}

/** `schema` with its `$ref` followed and its `allOf` members' keywords merged in (properties and `required` added up). */
export function merged(document: unknown, schema: Json): Json {
  const own = deref(document, schema);
  if (!Array.isArray(own.allOf)) return own;
  const { allOf, ...rest } = own;
  const result: Json = { ...rest };
  const rules: Json[] = [];
  for (const member of allOf as Json[]) {
    const part = merged(document, member);
    if (isRuleOnly(part)) {
      rules.push(part);
      continue;
    }
    const { title: _title, description: _description, properties, required, ...keywords } = part;
    for (const [key, value] of Object.entries(keywords)) if (!(key in result)) result[key] = value;
    result.properties = { ...((properties as Json) ?? {}), ...((result.properties as Json) ?? {}) };
    result.required = [...new Set([...((result.required as string[]) ?? []), ...((required as string[]) ?? [])])];
  }
  if (rules.length > 0) result["x-rules"] = rules;
  return result;
}

/**
 * A schema that adds only conditions to an object (fields it requires, fields that may not appear, cases
 * of such conditions), no shape of its own.
 */
export function isRuleOnly(schema: Json): boolean {
  const keys = Object.keys(schema).filter((key) => key !== "title" && key !== "description");
  const allowed = new Set(["required", "properties", "not", "anyOf", "oneOf"]);
  if (keys.length === 0 || !keys.every((key) => allowed.has(key))) return false;
  if (!Object.values((schema.properties as Json) ?? {}).every((property) => property === false)) return false;
  return (["anyOf", "oneOf"] as const).every(
    (keyword) => schema[keyword] === undefined || (Array.isArray(schema[keyword]) && (schema[keyword] as Json[]).every(isRuleOnly)),
  );
}

function typesOf(schema: Json): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === "string") return [schema.type];
  if (schema.properties !== undefined) return ["object"];
  if (schema.items !== undefined) return ["array"];
  return [];
}

/** A short label for the schema's type: `string <uuid>`, `array of journal entry`, `string or null`, `HTTP method (string)`. */
export function typeLabel(document: unknown, schema: Json): string {
  if (schema === (false as unknown)) return "nothing (not allowed)";
  const own = merged(document, schema);
  const name = typeof own.title === "string" ? own.title : refName(schema);
  const words = typesOf(own).map((type) => {
    if (type === "array" && own.items !== undefined) return `array of ${typeLabel(document, own.items as Json)}`;
    if (type === "object" && own.additionalProperties && typeof own.additionalProperties === "object" && !own.properties) {
      return `map of ${typeLabel(document, own.additionalProperties as Json)}`;
    }
    return typeof own.format === "string" ? `${type} <${own.format}>` : type;
  });
  const base = escapeHtml(words.join(" or "));
  if (name === undefined) return base === "" ? "any" : base;
  return base === "" ? escapeHtml(name) : `${escapeHtml(name)} (${base})`;
}

const RANGES: [string, string, (value: unknown) => string][] = [
  ["minLength", "maxLength", (n) => `${n} character${n === 1 ? "" : "s"}`],
  ["minimum", "maximum", (n) => String(n)],
  ["minItems", "maxItems", (n) => `${n} item${n === 1 ? "" : "s"}`],
  ["minProperties", "maxProperties", (n) => `${n} field${n === 1 ? "" : "s"}`],
];

function rangeNotes(schema: Json): string[] {
  const notes: string[] = [];
  for (const [low, high, words] of RANGES) {
    const min = schema[low];
    const max = schema[high];
    if (min !== undefined && max !== undefined)
      notes.push(max === 0 && low === "minLength" ? "Empty" : `From ${words(min)} to ${words(max)}`);
    else if (min !== undefined) notes.push(`At least ${words(min)}`);
    else if (max !== undefined) notes.push(max === 0 && high === "maxLength" ? "Empty" : `At most ${words(max)}`);
  }
  if (schema.exclusiveMinimum !== undefined) notes.push(`More than ${String(schema.exclusiveMinimum)}`);
  if (schema.exclusiveMaximum !== undefined) notes.push(`Less than ${String(schema.exclusiveMaximum)}`);
  if (schema.multipleOf !== undefined) notes.push(`A multiple of ${String(schema.multipleOf)}`);
  if (schema.uniqueItems === true) notes.push("No item twice");
  return notes;
}

/** What a field that depends on another must do: `With drop: status must be absent`. */
function dependentNotes(schema: Json): string[] {
  const notes: string[] = [];
  for (const [field, required] of Object.entries((schema.dependentRequired as Record<string, string[]>) ?? {})) {
    notes.push(`With ${code(field)}: ${required.map(code).join(", ")} required too`);
  }
  for (const [field, dependent] of Object.entries((schema.dependentSchemas as Record<string, Json>) ?? {})) {
    const absent = Object.entries((dependent.properties as Json) ?? {}).filter(([, property]) => property === false);
    const required = (dependent.required as string[]) ?? [];
    const words = [...absent.map(([name]) => `${code(name)} must be absent`), ...required.map((name) => `${code(name)} required too`)];
    notes.push(`With ${code(field)}: ${words.length > 0 ? words.join(", ") : escapeHtml(JSON.stringify(dependent))}`);
  }
  return notes;
}

/** The schema's constraints as short HTML notes, in the order a reader checks them. */
export function constraintNotes(document: unknown, schema: Json): string[] {
  const own = merged(document, schema);
  const notes: string[] = [];
  if (own.const !== undefined) notes.push(`Always ${literal(own.const)}`);
  else if (Array.isArray(own.enum)) notes.push(`Allowed: ${own.enum.map(literal).join(", ")}`);
  if (own.default !== undefined) notes.push(`Default: ${literal(own.default)}`);
  if (typeof own.pattern === "string") notes.push(`Pattern: ${code(own.pattern)}`);
  notes.push(...rangeNotes(own));
  if (own.if !== undefined && (own.then !== undefined || own.else !== undefined)) {
    const condition = constraintNotes(document, own.if as Json).join(", ") || "the condition holds";
    if (own.then !== undefined) notes.push(`When ${lowerFirst(condition)}: ${thenWords(document, own.then as Json)}`);
    if (own.else !== undefined) notes.push(`Otherwise: ${thenWords(document, own.else as Json)}`);
  }
  if (own.not !== undefined) notes.push(`Must not be: ${escapeHtml(JSON.stringify(own.not))}`);
  if (own.additionalProperties === false && own.properties !== undefined) notes.push("No other fields");
  notes.push(...dependentNotes(own));
  const examples = Array.isArray(own.examples) ? own.examples : own.example !== undefined ? [own.example] : [];
  if (examples.length > 0 && typeof examples[0] !== "object") notes.push(`Example: ${literal(examples[0])}`);
  return notes;
}

function thenWords(document: unknown, schema: Json): string {
  const notes = constraintNotes(document, schema);
  return [typeLabel(document, schema), ...notes].join("; ");
}

function lowerFirst(text: string): string {
  return text.startsWith("<") ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
