/**
 * Every example in the bundled spec validates against its own schema. Examples are discovered by walking
 * generated/openapi.json, so an example added later is covered without touching this file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
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

const providerOf = (operationId: string): Provider => providerNames.find((p) => providers[p].operationId === operationId)!;

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
      const provider = providerOf(operation.operationId as string);
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
            check: () => validateUpdateRequest(provider, example.value),
          });
        }
      }
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        const media = ((response.content ?? {}) as Record<string, Json>)["application/json"];
        for (const [name, example] of Object.entries((media?.examples ?? {}) as Record<string, { value: unknown }>)) {
          found.push({
            where: `${provider} ${status} ${name}`,
            value: example.value,
            check: () =>
              status.startsWith("2")
                ? validateParticipant(provider, example.value, { strict: true })
                : validateErrorBody(provider, example.value),
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
    for (const status of ["401", "404", "422"]) expect(count(`signalwire ${status}`) + count(`telnyx ${status}`)).toBeGreaterThanOrEqual(2);
    expect(count("parameter")).toBe(6);
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
});
