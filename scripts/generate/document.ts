/** The small part of an OpenAPI 3.1 document the generators read, and how to walk it. */
export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiOperation {
  operationId: string;
  tags?: string[];
  servers?: { url: string; variables?: Record<string, { default: string; description?: string }> }[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
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
