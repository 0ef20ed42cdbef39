/**
 * Every example in the bundled spec validates against its own schema. Examples are discovered by walking
 * generated/openapi.json, so an example added later is covered without touching this file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { operations, type OperationId } from "../generated/operations.js";
import { type CompiledValidator, strictValidators, type SchemaName, validators } from "../generated/validators.js";
import { formats } from "../src/contract/formats.js";
import { validateErrorBody, validateParticipant, validateUpdateRequest } from "../src/contract/validate.js";
import { providerNames, providers, type Provider } from "../src/contract/providers.js";

type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8")) as Json;
const schemas = (spec.components as { schemas: Json }).schemas;

interface Found {
  where: string;
  value: unknown;
  check: () => { ok: boolean; errors?: unknown };
}

const providerOf = (operationId: string): Provider | undefined => providerNames.find((p) => providers[p].operationId === operationId);

/** How an operation's examples are checked: a request body, a participant (strictly), an error body. */
interface Checks {
  request(value: Record<string, unknown>): { ok: boolean; errors?: unknown };
  participant(value: unknown): { ok: boolean; errors?: unknown };
  error(value: unknown): { ok: boolean; errors?: unknown };
}

/** Through the package's contract functions, for a provider src/contract/providers.ts lists. */
const providerChecks = (provider: Provider): Checks => ({
  request: (value) => validateUpdateRequest(provider, value),
  participant: (value) => validateParticipant(provider, value, { strict: true }),
  error: (value) => validateErrorBody(provider, value),
});

/** Through the precompiled validators of the operation's schemas, for an operation whose provider it does not list yet. */
function schemaChecks(operationId: OperationId): Checks {
  const { requestSchema, successSchema, errorSchema } = operations[operationId];
  const run = (validate: CompiledValidator, value: unknown) => ({ ok: validate(value), errors: validate.errors });
  return {
    request: (value) => run(validators[requestSchema as SchemaName], value),
    participant: (value) => run(strictValidators[successSchema as keyof typeof strictValidators], value),
    error: (value) => run(validators[errorSchema as SchemaName], value),
  };
}

/** The operation's provider, as the examples' names say it (`twilio request …`), and how its examples are checked. */
function checkerOf(operationId: OperationId): { name: string; checks: Checks } {
  const provider = providerOf(operationId);
  if (provider !== undefined) return { name: provider, checks: providerChecks(provider) };
  return { name: operations[operationId].title.toLowerCase(), checks: schemaChecks(operationId) };
}

/** A test-time validator for schemas that have no precompiled one (parameters, components' own examples). */
const ajv = new Ajv2020.default({ allErrors: true, strict: false, formats });
ajv.addSchema({ $id: "spec", components: { schemas } });
function checkAgainst(schema: unknown, value: unknown) {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/');
  const validate = ajv.compile(JSON.parse(text));
  return { ok: validate(value), errors: validate.errors };
}

function findExamples(): Found[] {
  const found: Found[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(item)) {
      const { name: provider, checks } = checkerOf(operation.operationId as OperationId);
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if ("example" in parameter) {
          found.push({
            where: `${path} parameter ${parameter.name}`,
            value: parameter.example,
            check: () => checkAgainst(parameter.schema, parameter.example),
          });
        }
      }
      const requestContent = ((operation.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
      for (const [mediaType, media] of Object.entries(requestContent)) {
        for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, { value: Record<string, unknown> }>)) {
          found.push({
            where: `${provider} request ${mediaType} ${name}`,
            value: example.value,
            check: () => checks.request(example.value),
          });
        }
      }
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        const media = ((response.content ?? {}) as Record<string, Json>)["application/json"];
        for (const [name, example] of Object.entries((media?.examples ?? {}) as Record<string, { value: unknown }>)) {
          found.push({
            where: `${provider} ${status} ${name}`,
            value: example.value,
            check: () => (status.startsWith("2") ? checks.participant(example.value) : checks.error(example.value)),
          });
        }
      }
    }
  }
  const walk = (schema: unknown, where: string) => {
    if (schema === null || typeof schema !== "object") return;
    const node = schema as Json;
    if (Array.isArray(node.examples)) {
      node.examples.forEach((example, i) => {
        found.push({ where: `${where} examples[${i}]`, value: example, check: () => checkAgainst(node, example) });
      });
    }
    for (const [key, inner] of Object.entries(node)) {
      if (key !== "examples" && key !== "if" && inner !== null && typeof inner === "object") walk(inner, `${where}/${key}`);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) walk(schema, `#/components/schemas/${name}`);
  return found;
}

const examples = findExamples();

describe("examples in the bundled spec", () => {
  it("are found in every place the spec has them", () => {
    const count = (part: string) => examples.filter((e) => e.where.includes(part)).length;
    expect(count("signalwire request")).toBeGreaterThanOrEqual(6);
    expect(count("signalwire 200")).toBeGreaterThanOrEqual(6);
    expect(count("telnyx request")).toBeGreaterThanOrEqual(3);
    expect(count("twilio request")).toBeGreaterThanOrEqual(6);
    expect(count("twilio 200")).toBeGreaterThanOrEqual(4);
    for (const status of ["401", "404", "422"]) {
      for (const provider of ["signalwire", "telnyx", "twilio"])
        expect(count(`${provider} ${status}`), `${provider} ${status}`).toBeGreaterThanOrEqual(1);
    }
    expect(count("parameter")).toBe(9);
    expect(count("#/components/schemas/")).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((e) => [e.where, e] as const))("%s validates against its schema", (_where, example) => {
    const result = example.check();
    expect(result.errors ?? []).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("pairs each SignalWire seed scenario's request with a 200 response of the same name", () => {
    const names = (part: string) => examples.filter((e) => e.where.startsWith(part)).map((e) => e.where.split(" ").at(-1));
    const requests = names("signalwire request application/x-www-form-urlencoded");
    expect(requests).toEqual(["coaching", "monitoring", "barge", "mute", "holdWithMusic", "waitInSilence", "update"]);
    expect(names("signalwire 200")).toEqual(requests);
  });

  it.each(["signalwire", "telnyx", "twilio"])(
    "gives each %s request example a 200 answer of the same name (contract-testing tools pair them by name)",
    (provider) => {
      const names = (part: string) => examples.filter((e) => e.where.startsWith(part)).map((e) => e.where.split(" ").at(-1));
      const answers = names(`${provider} 200`);
      const unanswered = names(`${provider} request `).filter((name) => !answers.includes(name));
      expect(unanswered).toEqual([]);
    },
  );
});
