import { documentText, type JsonSchema, listOperations, type OpenApiDocument, schemaName } from "./document.js";
import { shapeSchemas } from "./tool-schemas.js";

interface Tag {
  name: string;
  description?: string;
}

/** The bundled document with what a per-provider copy reads: `info`, `tags`, `servers`. */
export interface BundledDocument extends OpenApiDocument {
  openapi: string;
  info: { title: string; description?: string; [key: string]: unknown };
  tags: Tag[];
}

/** Every `#/components/schemas/…` name `value` refers to, followed through the schemas it reaches. */
function reachableSchemas(document: OpenApiDocument, value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) reachableSchemas(document, item, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") {
        const name = schemaName({ $ref: inner });
        if (!found.has(name)) {
          found.add(name);
          reachableSchemas(document, document.components.schemas[name], found);
        }
      } else {
        reachableSchemas(document, inner, found);
      }
    }
  }
  return found;
}

/** `Update a Conference Participant (SignalWire, Telnyx and Twilio)` → `Update a Conference Participant (SignalWire)`. */
function providerTitle(title: string, provider: string): string {
  const match = /^(.*) \([^()]+\)$/.exec(title);
  if (!match) throw new Error(`info.title "${title}" does not end with the providers in parentheses`);
  return `${match[1]} (${provider})`;
}

const DECISIONS_HEADING = "## Decisions on the published contradictions";

/**
 * The contract's description without its table of decisions, which weighs as much as a whole operation and
 * speaks of every provider: a per-provider document points to it instead (the decisions keep their numbers).
 */
function withoutDecisions(description: string): string {
  const at = description.indexOf(DECISIONS_HEADING);
  if (at === -1) throw new Error(`info.description has no "${DECISIONS_HEADING}" section`);
  return `${description.slice(0, at)}${DECISIONS_HEADING}\n\nThe decisions this document's descriptions cite by number (decision 8, …) are the contract's: the table heads \`openapi.json\`'s description and its HTML docs.\n`;
}

/**
 * A copy of a per-provider document in the forms contract-testing tools read (tool-schemas.ts), without the
 * schemas that leaves unused; the bundle it came from stays as it is, for the types and validators.
 */
function forTools(providerDocument: OpenApiDocument): OpenApiDocument {
  const shaped = structuredClone(providerDocument);
  for (const unused of shapeSchemas(shaped)) delete shaped.components.schemas[unused];
  return shaped;
}

/**
 * One self-contained document per provider (per tag), for SDK generators: only that provider's operation,
 * the schemas and security scheme it uses, and the operation's server as the root `servers`, so that a
 * generated client's base URL is right for every path in it, its schemas in the forms contract-testing tools
 * read (tool-schemas.ts). File name: the tag in lower case (`signalwire.openapi.json`).
 */
export function buildProviderDocuments(document: BundledDocument): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { path, method, operation } of listOperations(document)) {
    const tags = (operation as { tags?: string[] }).tags ?? [];
    const tag = document.tags.find((candidate) => candidate.name === tags[0]);
    if (tags.length !== 1 || tag === undefined) throw new Error(`${operation.operationId}: expected one declared tag`);
    if (!operation.servers?.length) throw new Error(`${operation.operationId}: expected its own servers`);
    const file = `${tag.name.toLowerCase()}.openapi.json`;
    if (files[file] !== undefined) throw new Error(`${file}: more than one operation tagged ${tag.name}`);
    const { servers, ...rest } = operation;
    const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
    const schemas = [...reachableSchemas(document, operation)].sort();
    const providerDocument = {
      openapi: document.openapi,
      info: {
        ...document.info,
        title: providerTitle(document.info.title, tag.name),
        description: `The ${tag.name} operation of the contract alone, for SDK generators; \`openapi.json\` holds every provider's.\n\n${withoutDecisions(document.info.description ?? "")}`,
      },
      servers,
      tags: [tag],
      paths: { [path]: { [method]: rest } },
      components: {
        securitySchemes: Object.fromEntries(schemes.map((name) => [name, document.components.securitySchemes[name]!])),
        schemas: Object.fromEntries(schemas.map((name) => [name, document.components.schemas[name] as JsonSchema])),
      },
    };
    files[file] = documentText(forTools(providerDocument));
  }
  return files;
}
