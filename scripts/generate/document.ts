/** The small part of an OpenAPI 3.1 document the generators read, and how to walk it. */
export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiOperation {
  operationId: string;
  tags?: string[];
  servers?: { url: string; variables?: Record<string, { default: string; description?: string }> }[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, { type: string; scheme?: string }> };
}

export interface LocatedOperation {
  path: string;
  method: string;
  operation: OpenApiOperation;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function listOperations(document: OpenApiDocument): LocatedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

const SCHEMA_REF = "#/components/schemas/";

/** The component name a `$ref` schema points at. */
export function schemaName(schema: JsonSchema): string {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) {
    throw new Error(`expected a $ref to ${SCHEMA_REF}…, found ${JSON.stringify(schema)}`);
  }
  return ref.slice(SCHEMA_REF.length);
}

/** `schema` with a top-level `$ref` followed (its siblings win, as in JSON Schema 2020-12 they add up). */
export function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== "string") return schema;
  const { $ref: _ref, ...siblings } = schema;
  return { ...resolve(document, document.components.schemas[schemaName(schema)]!), ...siblings };
}

/**
 * A conditional rule as the contract writes it (the coaching rule): an `allOf` member whose `anyOf` has one
 * branch that requires some fields when others hold one value (`Coaching: {const: true}` with
 * `required: [Coaching, CallSidToCoach]`), and another branch for the other values.
 */
export interface ConditionalRule {
  /** Where the `anyOf` is, as ajv writes schema paths: `#/allOf/1/anyOf`. */
  schemaPath: string;
  /** The index of the branch that applies when the condition holds. */
  branch: number;
  /** The fields the condition tests and the one value each must hold. */
  when: Record<string, unknown>;
  /** The fields required when the condition holds. */
  requires: string[];
}

export function conditionalRule(schema: JsonSchema): ConditionalRule | undefined {
  const members = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [];
  for (const [member, { anyOf }] of members.entries()) {
    if (!Array.isArray(anyOf)) continue;
    for (const [branch, { required, properties }] of (anyOf as JsonSchema[]).entries()) {
      if (!Array.isArray(required)) continue;
      const when = Object.fromEntries(
        Object.entries((properties ?? {}) as Record<string, JsonSchema>)
          .filter(([field, property]) => required.includes(field) && Object.hasOwn(property, "const"))
          .map(([field, property]) => [field, property.const]),
      );
      const requires = (required as string[]).filter((field) => !Object.hasOwn(when, field));
      if (Object.keys(when).length > 0 && requires.length > 0) return { schemaPath: `#/allOf/${member}/anyOf`, branch, when, requires };
    }
  }
  return undefined;
}

/** The properties of an object schema, its own and those of the members of its `allOf` (followed through $ref). */
export function objectProperties(document: OpenApiDocument, schema: JsonSchema): Record<string, JsonSchema> {
  const resolved = resolve(document, schema);
  const members = Array.isArray(resolved.allOf) ? (resolved.allOf as JsonSchema[]) : [];
  return Object.assign(
    {},
    ...members.map((member) => objectProperties(document, member)),
    (resolved.properties ?? {}) as Record<string, JsonSchema>,
  );
}

/**
 * A JSON document as `generated/` keeps it: compact, on one line. The package ships four of them (the contract
 * and one per provider) beside the readable source, `openapi/openapi.yaml`; written indented, they were 108 kB
 * more of the installed package's 1.5 MB budget.
 */
export const documentText = (document: unknown): string => `${JSON.stringify(document)}\n`;
