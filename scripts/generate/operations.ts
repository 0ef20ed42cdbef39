import { GENERATED_HEADER } from "./types.js";
import { listOperations, objectProperties, resolve, schemaName, type JsonSchema, type OpenApiDocument } from "./document.js";

/** The JSON type of a request field, as a form parser needs it: followed through $ref and anyOf. */
function fieldType(document: OpenApiDocument, schema: JsonSchema): string {
  const resolved = resolve(document, schema);
  if (typeof resolved.type === "string") return resolved.type;
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  const types = new Set(branches?.map((branch) => fieldType(document, branch)));
  if (types.size !== 1) throw new Error(`cannot tell the type of ${JSON.stringify(schema)}`);
  return [...types][0]!;
}

/**
 * generated/operations.ts: per operation, what the client, the validators and the mock need at run time
 * (path, server, auth scheme, schema names, request field types), read from the bundled spec.
 */
export function buildOperations(document: OpenApiDocument): string {
  const operations: Record<string, unknown> = {};
  for (const { path, method, operation } of listOperations(document)) {
    const [server] = operation.servers ?? [];
    const [requirement] = operation.security ?? [];
    const [schemeName] = Object.keys(requirement ?? {});
    const scheme = schemeName === undefined ? undefined : document.components.securitySchemes[schemeName];
    const requestContent = operation.requestBody?.content ?? {};
    const requestSchemas = [...new Set(Object.values(requestContent).map(({ schema }) => schemaName(schema)))];
    if (requestSchemas.length !== 1) throw new Error(`${operation.operationId}: expected one request schema`);
    const requestSchema = requestSchemas[0]!;
    const requestProperties = objectProperties(document, { $ref: `#/components/schemas/${requestSchema}` });
    const responses: Record<string, string> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = response.content?.["application/json"]?.schema;
      if (schema !== undefined) responses[status] = schemaName(schema);
    }
    const errorSchemas = [
      ...new Set(
        Object.entries(responses)
          .filter(([status]) => !status.startsWith("2"))
          .map(([, name]) => name),
      ),
    ];
    const successSchemas = [
      ...new Set(
        Object.entries(responses)
          .filter(([status]) => status.startsWith("2"))
          .map(([, name]) => name),
      ),
    ];
    if (errorSchemas.length !== 1 || successSchemas.length !== 1) {
      throw new Error(`${operation.operationId}: expected one success schema and one error schema`);
    }
    const [tag] = operation.tags ?? [];
    if (tag === undefined) throw new Error(`${operation.operationId}: no tag names its provider`);
    operations[operation.operationId] = {
      /** The provider's name as people write it: the operation's tag. */
      title: tag,
      method,
      path,
      pathParameters: (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
      /** The component schema each path parameter refers to, where it refers to one: its validator checks an id. */
      pathParameterSchemas: Object.fromEntries(
        (operation.parameters ?? [])
          .filter((p) => p.in === "path" && typeof p.schema?.$ref === "string")
          .map((p) => [p.name, schemaName(p.schema!)]),
      ),
      server:
        server === undefined
          ? undefined
          : {
              url: server.url,
              variables: Object.fromEntries(Object.entries(server.variables ?? {}).map(([name, v]) => [name, v.default])),
            },
      auth: scheme?.scheme ?? scheme?.type,
      requestContentTypes: Object.keys(requestContent),
      requestSchema,
      requestFields: Object.fromEntries(Object.entries(requestProperties).map(([name, schema]) => [name, fieldType(document, schema)])),
      responses,
      successSchema: successSchemas[0],
      errorSchema: errorSchemas[0],
    };
  }
  return `${GENERATED_HEADER}
/** What the runtime needs to know of each operation, read from the bundled spec. */
export const operations = ${JSON.stringify(operations, null, 2)} as const;

export type OperationId = keyof typeof operations;
`;
}
