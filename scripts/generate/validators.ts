import Ajv2020 from "ajv/dist/2020.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { createRequire } from "node:module";
import { formats } from "../../src/contract/formats.js";
import { GENERATED_HEADER } from "./types.js";
import { conditionalRule, listOperations, schemaName, type JsonSchema, type OpenApiDocument } from "./document.js";

/** Where the precompiled code finds the formats at run time, relative to generated/. */
const FORMATS_MODULE = "../src/contract/formats.js";
const SPEC_ID = "openapi";
const require = createRequire(import.meta.url);

/** `value` with every `#/components/schemas/X` reference turned into `#/$defs/X`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === "$ref" && typeof inner === "string" ? inner.replace("#/components/schemas/", "#/$defs/") : rewriteRefs(inner),
    ]),
  );
}

/**
 * Fails when a schema of the document uses `unevaluatedProperties` or `unevaluatedItems`: only the strict
 * variants made here are compiled with the tracking those keywords need (see `buildValidators`).
 */
function assertNoUnevaluated(value: unknown, path: string): void {
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "unevaluatedProperties" || key === "unevaluatedItems") {
      throw new Error(`${path}/${key}: the validators are compiled without evaluated-property tracking (scripts/generate/validators.ts)`);
    }
    assertNoUnevaluated(inner, `${path}/${key}`);
  }
}

/** The schemas that get a validator: every request body, response body and named path parameter schema of every operation. */
function validatedSchemas(document: OpenApiDocument): { names: string[]; strictNames: string[] } {
  const names = new Set<string>();
  const strictNames = new Set<string>();
  for (const { operation } of listOperations(document)) {
    for (const { schema } of Object.values(operation.requestBody?.content ?? {})) names.add(schemaName(schema));
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === "path" && typeof parameter.schema?.$ref === "string") names.add(schemaName(parameter.schema));
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const { schema } of Object.values(response.content ?? {})) {
        names.add(schemaName(schema));
        if (status.startsWith("2")) strictNames.add(schemaName(schema));
      }
    }
  }
  return { names: [...names].sort(), strictNames: [...strictNames].sort() };
}

/** For each schema with a conditional rule: where it is, and its condition in words ("Coaching is true"), for error messages. */
function conditions(document: OpenApiDocument): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    const rule = conditionalRule(schema);
    if (rule === undefined) continue;
    result[name] = {
      text: Object.entries(rule.when)
        .map(([field, value]) => `${field} is ${JSON.stringify(value)}`)
        .join(" and "),
      schemaPath: rule.schemaPath,
      branch: rule.branch,
      when: Object.keys(rule.when),
    };
  }
  return result;
}

/**
 * Standalone code `require`s its helpers. Our own modules become ES imports; ajv's runtime helpers
 * (`ucs2length`, `equal`: small self-contained functions) are inlined, so the generated module needs no
 * CommonJS interop, which differs between Node, bundlers and test runners.
 */
function requiresToImports(code: string): string {
  const modules = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
  const header = modules.map((module, index) => {
    if (module.startsWith(".")) return `import * as module${index} from "${module}";`;
    const helper = (require(module) as { default?: unknown }).default;
    if (typeof helper !== "function") throw new Error(`cannot inline ${module}`);
    return `const module${index} = { default: ${helper.toString()} };`;
  });
  let body = code;
  modules.forEach((module, index) => {
    body = body.split(`require("${module}")`).join(`module${index}`);
  });
  return `${header.join("\n")}\n${body.replace(/^"use strict";\n/, "")}`;
}

/**
 * generated/validators.ts: ajv's standalone code for each request, response and error schema, so that
 * importing the package compiles no schema. `strictValidators` also reject undeclared properties.
 */
export function buildValidators(document: OpenApiDocument, header = GENERATED_HEADER): string {
  const { names, strictNames } = validatedSchemas(document);
  assertNoUnevaluated(document.components.schemas, "#/components/schemas");
  const defs = rewriteRefs(document.components.schemas) as Record<string, JsonSchema>;
  for (const name of strictNames) defs[`${name}Strict`] = { $ref: `#/$defs/${name}`, unevaluatedProperties: false };

  const ajv = new Ajv2020.default({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    // The spec's patterns are ASCII: without the `u` flag V8 runs them as the hand-written guards' regexps do.
    unicodeRegExp: false,
    formats,
    code: { source: true, esm: true, lines: true, formats: _`require(${FORMATS_MODULE}).formats` },
  });
  ajv.addVocabulary(["example", "xml", "externalDocs"]);
  // Ajv2020 turns on $dynamicRef support, which gives every validator call a fresh `dynamicAnchors` object;
  // the documents use no $dynamicRef or $dynamicAnchor, so the code is generated without it.
  ajv.opts.dynamicRef = false;
  ajv.addSchema({ $id: SPEC_ID, $defs: defs });

  // The strict variants' `unevaluatedProperties` needs to know which properties the schemas they refer to
  // evaluated: those schemas and their strict variants are compiled first, with that tracking. Every other
  // schema (the requests', the errors') is compiled without it, so an anyOf stops at its first passing
  // branch instead of building errors for the others.
  for (const name of strictNames) {
    ajv.getSchema(`${SPEC_ID}#/$defs/${name}`);
    ajv.getSchema(`${SPEC_ID}#/$defs/${name}Strict`);
  }
  ajv.opts.unevaluated = false;

  const exports: Record<string, string> = {};
  for (const name of names) exports[`validate${name}`] = `${SPEC_ID}#/$defs/${name}`;
  for (const name of strictNames) exports[`validate${name}Strict`] = `${SPEC_ID}#/$defs/${name}Strict`;
  const code = requiresToImports(standaloneCode.default(ajv, exports));

  const entries = (list: string[], suffix: string) =>
    list.map((name) => `  ${name}: validate${name}${suffix} as unknown as CompiledValidator,`).join("\n");
  return `${header}// @ts-nocheck -- ajv standalone output
${code}

/**
 * A precompiled ajv validator: returns whether \`data\` is valid and leaves the violations on \`errors\`.
 * \`context\` is ajv's data context (where \`data\` sits in a larger document); without one, a fresh one is made.
 */
export interface CompiledValidator {
  (data: unknown, context?: object): boolean;
  errors?: import("../src/contract/validator-error.js").ErrorObject[] | null;
}

/** One validator per schema name of the spec's components. */
export const validators = {
${entries(names, "")}
};

/** Response validators that also reject properties the spec does not declare. */
export const strictValidators = {
${entries(strictNames, "Strict")}
};

/** Each schema's conditional rule: where its \`anyOf\` is, the fields it tests, its condition in words. */
export const conditions: Partial<Record<SchemaName, import("../src/contract/ajv-errors.js").ConditionalRule>> = ${JSON.stringify(conditions(document), null, 2)};

export type SchemaName = keyof typeof validators;
`;
}
