/**
 * The copy of the bundled contract that the HTML reference renders. The contract itself is not changed:
 * only how a rule is shown. Drawn as written, the coaching rule (an `allOf` of the fields and an `anyOf` of
 * the rule's two cases) reads as two alternatives in which the fields a case requires look required,
 * although no request field is (Redoc drew it so), or not at all (the page's renderer lists the alternatives
 * of a field, not of a whole body). The copy drops the rule after checking that the prose states it, so the
 * rule is still read where the field is; the fields are shown as one plain object. Likewise an `anyOf` whose
 * branches are the same fields with one required field each ("has `detail` or `title`") shows as two
 * identical alternatives; the copy states it as a sentence of the schema's description instead.
 */
import { conditionalRule, type JsonSchema, type OpenApiDocument, objectProperties, resolve } from "../generate/document.js";

/** `schema` as one plain object: its `allOf` members' keywords merged, its own title and description kept. */
function flattened(document: OpenApiDocument, schema: JsonSchema, members: JsonSchema[]): JsonSchema {
  const { allOf: _allOf, anyOf: _anyOf, ...own } = schema;
  const parts = members.map((member) => {
    const { title: _title, description: _description, ...rest } = resolve(document, member);
    return rest;
  });
  return Object.assign({}, ...parts, own);
}

/** Drops the schema's conditional rule, or throws when its prose does not state it (or it is not one the docs can restate). */
function dropRule(document: OpenApiDocument, name: string, schema: JsonSchema): JsonSchema | undefined {
  const members = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [];
  const ruleMembers = members.filter((member) => member.anyOf !== undefined);
  if (ruleMembers.length === 0) return undefined;
  const rule = conditionalRule(schema);
  if (rule === undefined || ruleMembers.length !== 1 || (ruleMembers[0]!.anyOf as unknown[]).length !== 2) {
    throw new Error(`${name}: an anyOf rule the docs cannot restate (expected two cases, one requiring fields when others hold a value)`);
  }
  const properties = objectProperties(document, schema);
  for (const required of rule.requires) {
    const prose = typeof properties[required]?.description === "string" ? (properties[required]!.description as string) : "";
    const missing = Object.keys(rule.when).filter((field) => !prose.includes(`\`${field}\``));
    if (missing.length > 0) {
      throw new Error(`${name}.${required}: its description must state the rule on ${missing.join(", ")} before the docs drop it`);
    }
  }
  return flattened(
    document,
    schema,
    members.filter((member) => member.anyOf === undefined),
  );
}

/**
 * The field names of an `anyOf` whose branches are each the same shared fields and one `required` list
 * (`allOf: [{$ref: shared}, {required: [...]}]`), with the shared fields; undefined for any other.
 */
function requiredAlternatives(schema: JsonSchema): { shared: JsonSchema; alternatives: string[][] } | undefined {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const parts = branches.map((branch: JsonSchema) => {
    const members = Array.isArray(branch.allOf) && Object.keys(branch).length === 1 ? (branch.allOf as JsonSchema[]) : [];
    const shared = members.find((member) => typeof member.$ref === "string" && Object.keys(member).length === 1);
    const required = members.find((member) => Array.isArray(member.required) && Object.keys(member).length === 1);
    return members.length === 2 && shared && required ? { shared, required: required.required as string[] } : undefined;
  });
  if (parts.some((part) => part === undefined)) return undefined;
  const refs = new Set(parts.map((part) => part!.shared.$ref));
  return refs.size === 1 ? { shared: parts[0]!.shared, alternatives: parts.map((part) => part!.required) } : undefined;
}

function restateAlternatives(document: OpenApiDocument, schema: JsonSchema, shared: JsonSchema, alternatives: string[][]): JsonSchema {
  const options = alternatives.map((fields) => {
    const names = fields.map((field) => `\`${field}\``).join(" and ");
    return fields.length > 1 ? `(${names})` : names;
  });
  const rule = `Carries ${options.join(" or ")}, at least one of them.`;
  const copy = flattened(document, schema, [shared]);
  copy.description = typeof schema.description === "string" ? `${schema.description.trimEnd()} ${rule}` : rule;
  return copy;
}

/**
 * A deep copy of `document` for the docs, with every component schema's conditional rule removed and its
 * required-field alternatives put into words. Throws when a rule would vanish: the description of each
 * field that the rule requires must name each field the condition tests.
 */
export function readerCopy(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  for (const [name, schema] of Object.entries(copy.components.schemas)) {
    const found = requiredAlternatives(schema);
    if (found) copy.components.schemas[name] = restateAlternatives(document, schema, found.shared, found.alternatives);
    const withoutRule = dropRule(document, name, schema);
    if (withoutRule) copy.components.schemas[name] = withoutRule;
  }
  return copy;
}
