import { generatedHeader } from "./types.js";
import { listOperations, schemaName, type OpenApiDocument } from "./document.js";

/**
 * generated/mock-admin-routes.ts: per operation of the mock's admin document, what the mock's router needs
 * (method, path template, path and query parameters, request schema, success status), read from the bundle.
 */
export function buildAdminRoutes(document: OpenApiDocument): string {
  const routes = listOperations(document).map(({ path, method, operation }) => {
    const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
    const [requestContent] = Object.values(operation.requestBody?.content ?? {});
    const [success] = Object.keys(operation.responses).filter((status) => status.startsWith("2"));
    if (success === undefined) throw new Error(`${operation.operationId}: no success response`);
    return {
      operationId: operation.operationId,
      summary: (operation as { summary?: string }).summary ?? operation.operationId,
      method: method.toUpperCase(),
      path,
      pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
      queryParameters: parameters.filter((p) => p.in === "query").map((p) => p.name),
      requestSchema: requestContent === undefined ? null : schemaName(requestContent.schema),
      successStatus: Number(success),
    };
  });
  return `${generatedHeader("openapi/mock-admin.yaml")}
/** The admin API's routes, read from its bundled document. */
export const adminRoutes = ${JSON.stringify(routes, null, 2)} as const;

export type AdminOperationId = (typeof adminRoutes)[number]["operationId"];
`;
}
