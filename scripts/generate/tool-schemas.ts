/**
 * A per-provider document's schemas in the forms contract-testing tools and SDK generators read, each the
 * same constraint as the contract's (test/tool-documents.test.ts compares their verdicts with ajv):
 *
 * - a request schema `allOf: [$ref Fields, {anyOf: rule}]` becomes the fields as its own `properties` with
 *   `additionalProperties: false`, and the rule as `allOf: [{anyOf}]` of complete objects: Specmatic and
 *   Prism read a form's fields from the top-level `properties` only, openapi-zod-client and orval need each
 *   branch to name every field;
 * - a `format` gets the `pattern` it stands for (`uri` on an http(s) URL, `rfc2822-date`, which then leaves
 *   `format`, since Portman's schema check stops on a format it does not know);
 * - "empty, or a URL" written as `if`/`then` becomes an `anyOf`; "empty, or a UUID" one pattern;
 * - a pattern that starts with `/` starts with `[/]`, the same pattern: Specmatic refuses a pattern that starts
 *   with `/`, and openapi-zod-client escapes every `/` itself, so `\/` would reach its code as `\\/`.
 */
import { type JsonSchema, listOperations, type OpenApiDocument } from "./document.js";
import { HTTP_URL, NON_EMPTY, RFC2822_DATE_BUT_WEEKDAY, UUID, whole, wholeOrEmpty } from "./tool-patterns.js";

type Schemas = Record<string, JsonSchema>;

const SCHEMA_REF = "#/components/schemas/";
const HTTP_URL_PREFIX = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+";
/** Keywords that describe a value and constrain nothing, left out of a rule's branches (they say it once, at the top). */
const ANNOTATIONS = new Set(["title", "description", "examples", "default", "deprecated"]);

const isObject = (value: unknown): value is JsonSchema => value !== null && typeof value === "object" && !Array.isArray(value);
const referenced = (schemas: Schemas, schema: JsonSchema): JsonSchema =>
  typeof schema.$ref === "string" ? schemas[schema.$ref.slice(SCHEMA_REF.length)]! : schema;

/** Every schema object under `value`, depth first, parents before children. */
function* subschemas(value: unknown): Generator<JsonSchema> {
  if (Array.isArray(value)) for (const item of value) yield* subschemas(item);
  else if (isObject(value)) {
    yield value;
    for (const inner of Object.values(value)) yield* subschemas(inner);
  }
}

/** `format` spelled as a pattern, in place; a format with no pattern here is left as it is. */
function patternForFormat(schema: JsonSchema): void {
  if (schema.format === "uri" && schema.pattern === HTTP_URL_PREFIX) {
    schema.pattern = whole(HTTP_URL);
  } else if (schema.format === "rfc2822-date") {
    if (schema.pattern !== undefined) throw new Error(`a date schema with a pattern of its own: ${JSON.stringify(schema)}`);
    delete schema.format;
    schema.pattern = whole(RFC2822_DATE_BUT_WEEKDAY);
    schema.description = `${schema.description ?? ""}${DATE_NOTE}`;
  }
  if (typeof schema.pattern === "string" && schema.pattern.startsWith("^/")) schema.pattern = `^[/]${schema.pattern.slice(2)}`;
}

/** What a date schema's description adds once its format is a pattern. */
const DATE_NOTE = "\nHere a pattern, which cannot check the weekday.\n";

/** `{type: string, if: {minLength: 1}, then: S}` (empty, or S) as `anyOf: [S, empty]`, in place. */
function emptyOrAsAnyOf(schema: JsonSchema): void {
  const condition = schema.if;
  if (!isObject(condition)) return;
  if (schema.type !== "string" || Object.keys(condition).join() !== "minLength" || condition.minLength !== 1 || !isObject(schema.then)) {
    throw new Error(`an if/then this shaping does not know: ${JSON.stringify(schema)}`);
  }
  schema.anyOf = [schema.then, { type: "string", maxLength: 0 }];
  delete schema.if;
  delete schema.then;
}

/**
 * `minLength: 1` on a string with no other constraint as the non-empty pattern, in place: Specmatic adds a
 * "shortest string" variant for `minLength` (a one-letter id that names no participant), never for a pattern.
 */
function nonEmptyAsPattern(schema: JsonSchema): void {
  if (schema.type !== "string" || schema.minLength !== 1 || schema.pattern !== undefined || schema.format !== undefined) return;
  if (schema.maxLength !== undefined) return;
  delete schema.minLength;
  schema.pattern = whole(NON_EMPTY);
}

/** `anyOf: [{type: string, format: uuid}, {type: string, maxLength: 0}]` (a UUID, or empty) as one pattern, in place. */
function uuidOrEmptyAsPattern(schema: JsonSchema): void {
  const [uuid, empty, ...more] = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [];
  if (uuid?.format !== "uuid" || uuid.type !== "string" || empty?.maxLength !== 0 || more.length > 0) return;
  delete schema.anyOf;
  schema.type = "string";
  schema.pattern = wholeOrEmpty(UUID);
}

/** `schema` without its annotations: what a branch of a rule repeats of a field. */
const constraintsOf = (schema: JsonSchema): JsonSchema =>
  Object.fromEntries(Object.entries(schema).filter(([keyword]) => !ANNOTATIONS.has(keyword)));

/** The field `field` narrowed to non-empty strings (a rule's `minLength: 1`), in the form tools read. */
function nonEmpty(schemas: Schemas, field: JsonSchema): JsonSchema {
  const target = referenced(schemas, field);
  if (typeof target.pattern === "string" && !new RegExp(target.pattern, "u").test("")) return constraintsOf(field);
  if (target.pattern === wholeOrEmpty(UUID)) return { type: "string", format: "uuid", pattern: whole(UUID) };
  if (target.type === "string" && target.pattern === undefined && target.format === undefined)
    return { type: "string", pattern: whole(NON_EMPTY) };
  throw new Error(`cannot narrow this field to non-empty strings: ${JSON.stringify(field)}`);
}

/** `{type: string, minLength: 1}`, or the same as `nonEmptyAsPattern` writes it. */
const isNonEmptyString = (schema: JsonSchema) =>
  schema.type === "string" && Object.keys(schema).length === 2 && (schema.minLength === 1 || schema.pattern === whole(NON_EMPTY));

/** One branch of the rule as a complete object: every field, narrowed where the branch narrows it. */
function completeBranch(schemas: Schemas, fields: Record<string, JsonSchema>, branch: JsonSchema): JsonSchema {
  const narrowing = (branch.properties ?? {}) as Record<string, JsonSchema>;
  const properties = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => {
      const narrow = narrowing[name];
      if (narrow === undefined) return [name, constraintsOf(field)];
      if (Object.hasOwn(narrow, "const")) return [name, narrow];
      if (isNonEmptyString(narrow)) return [name, nonEmpty(schemas, field)];
      throw new Error(`a rule's branch this shaping does not know: ${name}: ${JSON.stringify(narrow)}`);
    }),
  );
  const required = Array.isArray(branch.required) ? { required: branch.required } : {};
  return { title: branch.title, type: "object", additionalProperties: false, ...required, properties };
}

/**
 * `allOf: [{$ref: Fields}, {anyOf: rule}]` as the fields' own `properties` and the rule's branches as
 * complete objects under `allOf`, in place. Returns the name of the fields' schema, which nothing else needs.
 */
function flattenRule(schemas: Schemas, schema: JsonSchema): string | undefined {
  const [fieldsRef, rule, ...more] = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [];
  if (typeof fieldsRef?.$ref !== "string" || !Array.isArray(rule?.anyOf) || more.length > 0) return undefined;
  const fieldsName = fieldsRef.$ref.slice(SCHEMA_REF.length);
  const fields = schemas[fieldsName]!;
  if (fields.type !== "object" || fields.additionalProperties !== false) throw new Error(`${fieldsName}: expected a closed object`);
  const properties = fields.properties as Record<string, JsonSchema>;
  schema.type = "object";
  schema.additionalProperties = false;
  schema.properties = properties;
  schema.allOf = [{ anyOf: (rule.anyOf as JsonSchema[]).map((branch) => completeBranch(schemas, properties, branch)) }];
  return fieldsName;
}

/** Where a document keeps schemas: its components, and the operations' parameters, bodies and answers. */
function schemasOf(document: OpenApiDocument): unknown[] {
  const operations = listOperations(document).map(({ operation }) => operation);
  return [
    document.components.schemas,
    ...operations.flatMap((operation) => [
      ...(operation.parameters ?? []).map((parameter) => parameter.schema),
      ...Object.values(operation.requestBody?.content ?? {}).map((media) => media.schema),
      ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {}).map((media) => media.schema)),
    ]),
  ];
}

/** Shapes a per-provider document's schemas in place; returns the component schemas it made unused. */
export function shapeSchemas(document: OpenApiDocument): string[] {
  for (const schema of subschemas(schemasOf(document))) {
    patternForFormat(schema);
    emptyOrAsAnyOf(schema);
    uuidOrEmptyAsPattern(schema);
    nonEmptyAsPattern(schema);
  }
  const schemas = document.components.schemas;
  return Object.values(schemas).flatMap((schema) => flattenRule(schemas, schema) ?? []);
}
