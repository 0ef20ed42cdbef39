/**
 * The dictionary Specmatic reads beside a document (`telnyx.openapi_dictionary.json` beside
 * `telnyx.openapi.json`): the values it takes where it makes up a request or an answer. All come from the
 * document's own examples: the path parameters' ids (which the mock has), the call the coaching example
 * coaches, and the answers' dates, so that `specmatic test` names participants that exist and
 * `specmatic stub` makes up answers whose dates are real ones (the document's date pattern cannot check a
 * weekday). Specmatic looks a value up by the parameter's name, by the name of the schema a field refers
 * to, by `Schema.field`, and last by type (`(string)`), which is all a form field gets.
 */
import { conditionalRule, documentText, type JsonSchema, listOperations, type OpenApiDocument } from "./document.js";
import { RFC2822_DATE_BUT_WEEKDAY, whole } from "./tool-patterns.js";

type Examples = Record<string, { value?: unknown }>;
interface ExampledParameter {
  name: string;
  in: string;
  example?: unknown;
  schema?: JsonSchema;
}
interface ExampledOperation {
  parameters?: ExampledParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema; examples?: Examples }> };
  responses: Record<string, { content?: Record<string, { examples?: Examples }> }>;
}

const SCHEMA_REF = "#/components/schemas/";
const refName = (schema: JsonSchema | undefined) =>
  typeof schema?.$ref === "string" && schema.$ref.startsWith(SCHEMA_REF) ? schema.$ref.slice(SCHEMA_REF.length) : undefined;
const isDate = (schema: unknown) => (schema as JsonSchema | undefined)?.pattern === whole(RFC2822_DATE_BUT_WEEKDAY);
const firstValue = (examples: Examples | undefined) => Object.values(examples ?? {})[0]?.value;

/** The value the request examples give the field the coaching rule requires (`CallSidToCoach`). */
function coachedCall(document: OpenApiDocument, operation: ExampledOperation): string {
  for (const { schema, examples } of Object.values(operation.requestBody?.content ?? {})) {
    const name = refName(schema);
    const rule = conditionalRule(name ? document.components.schemas[name]! : schema);
    if (rule === undefined) continue;
    for (const { value } of Object.values(examples ?? {})) {
      const body = (value ?? {}) as Record<string, unknown>;
      const coached = body[rule.requires[0]!];
      if (Object.entries(rule.when).every(([field, held]) => body[field] === held) && typeof coached === "string") return coached;
    }
  }
  throw new Error("no request example meets the coaching rule's condition: the dictionary has no call to coach");
}

/**
 * The answers' dates from the first 200 example, by `{Schema: {field: date}}`: Specmatic takes a made-up
 * answer's field from there (a named date schema's own key was not used for answers).
 */
function dates(document: OpenApiDocument, answer: Record<string, unknown>): Record<string, unknown> {
  const schemas = document.components.schemas;
  const found: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
    const fields = properties.filter(([, field]) => isDate(field) || isDate(schemas[refName(field) ?? ""]));
    if (fields.length > 0) found[name] = Object.fromEntries(fields.map(([field]) => [field, answer[field]]));
  }
  return found;
}

function specmaticDictionary(document: OpenApiDocument): Record<string, unknown> {
  const [located, ...more] = listOperations(document);
  if (located === undefined || more.length > 0) throw new Error("a per-provider document has one operation");
  const operation = located.operation as ExampledOperation;
  const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
  const byName = Object.fromEntries(pathParameters.map((parameter) => [parameter.name, parameter.example]));
  const bySchema = Object.fromEntries(
    pathParameters.flatMap((parameter) => (refName(parameter.schema) ? [[refName(parameter.schema)!, parameter.example]] : [])),
  );
  const coached = coachedCall(document, operation);
  const answer = (firstValue(operation.responses["200"]?.content?.["application/json"]?.examples) ?? {}) as Record<string, unknown>;
  const byType = { "(string)": coached };
  return { PARAMETERS: { PATH: byName }, ...bySchema, ...dates(document, answer), ...byType };
}

/** The dictionary beside each per-provider document: `telnyx.openapi.json` → `telnyx.openapi_dictionary.json`. */
export function specmaticDictionaries(documents: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(documents).map(([file, text]) => [
      file.replace(/\.json$/, "_dictionary.json"),
      documentText(specmaticDictionary(JSON.parse(text))),
    ]),
  );
}
