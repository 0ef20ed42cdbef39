/**
 * The copy of the bundled contract that the HTML reference renders. The contract itself is not changed:
 * only how a rule is shown. Redoc draws a schema's `if`/`then` as "One of case 1 / case 2", in which the
 * fields named by `then` look required although no request field is. The copy drops `if`/`then`, after
 * checking that the prose already states each such rule, so the rule is still read where the field is.
 * Likewise an `anyOf` whose branches only list required fields ("has `detail` or `title`") shows as two
 * identical alternatives; the copy states it as a sentence of the schema's description instead.
 */
import type { JsonSchema, OpenApiDocument } from "../generate/document.js";

/** The fields an `if` tests and the fields its `then` requires, as the contract writes a conditional rule. */
interface ConditionalRule {
  when: string[];
  requires: string[];
}

function readRule(schemaName: string, schema: JsonSchema): ConditionalRule {
  const condition = schema.if as JsonSchema | undefined;
  const consequence = schema.then as JsonSchema | undefined;
  const when = Object.keys((condition?.properties as JsonSchema | undefined) ?? {});
  const requires = (consequence?.required as string[] | undefined) ?? [];
  if (when.length === 0 || requires.length === 0 || schema.else !== undefined) {
    throw new Error(`${schemaName}: an if/then the docs cannot restate as a rule (expected if.properties and then.required)`);
  }
  return { when, requires };
}

function descriptionOf(schema: JsonSchema, field: string): string {
  const property = (schema.properties as Record<string, JsonSchema> | undefined)?.[field];
  return typeof property?.description === "string" ? property.description : "";
}

/**
 * The field names of an `anyOf` made only of `{required: [...]}` branches, or undefined for any other. The
 * contract wraps such an `anyOf` in a one-element `allOf` (so that openapi-typescript keeps the object's
 * type instead of widening it to `unknown`); that wrapper is looked through.
 */
function requiredAlternatives(schema: JsonSchema): string[][] | undefined {
  const wrapper = Array.isArray(schema.allOf) && schema.allOf.length === 1 ? (schema.allOf[0] as JsonSchema) : undefined;
  if (wrapper !== undefined && Object.keys(wrapper).length === 1 && Array.isArray(wrapper.anyOf)) {
    schema.anyOf = wrapper.anyOf;
    delete schema.allOf;
  }
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const onlyRequired = branches.every((branch: JsonSchema) => Object.keys(branch).length === 1 && Array.isArray(branch.required));
  return onlyRequired ? branches.map((branch: JsonSchema) => branch.required as string[]) : undefined;
}

function restateAlternatives(schema: JsonSchema, alternatives: string[][]): void {
  const options = alternatives.map((fields) => {
    const names = fields.map((field) => `\`${field}\``).join(" and ");
    return fields.length > 1 ? `(${names})` : names;
  });
  const rule = `Carries ${options.join(" or ")}, at least one of them.`;
  schema.description = typeof schema.description === "string" ? `${schema.description.trimEnd()} ${rule}` : rule;
  delete schema.anyOf;
}

/**
 * A deep copy of `document` for the docs, with every component schema's `if`/`then` removed and its
 * required-field alternatives put into words. Throws when a rule would vanish: the description of each
 * field that `then` requires must name each field the condition tests.
 */
export function readerCopy(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  for (const [name, schema] of Object.entries(copy.components.schemas)) {
    const alternatives = requiredAlternatives(schema);
    if (alternatives) restateAlternatives(schema, alternatives);
    if (schema.if === undefined && schema.then === undefined) continue;
    const rule = readRule(name, schema);
    for (const required of rule.requires) {
      const prose = descriptionOf(schema, required);
      const missing = rule.when.filter((field) => !prose.includes(`\`${field}\``));
      if (missing.length > 0) {
        throw new Error(`${name}.${required}: its description must state the rule on ${missing.join(", ")} before the docs drop if/then`);
      }
    }
    delete schema.if;
    delete schema.then;
  }
  return copy;
}
