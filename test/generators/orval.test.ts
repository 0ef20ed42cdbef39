/**
 * orval (fetch client) on each per-provider document, as a consumer runs it: generate, type-check under strict,
 * then update a participant on the mock. orval's fetch client takes its base URL when it is generated (its
 * `baseUrl` option), so that is where the mock's URL goes.
 */
import { join } from "node:path";
import { generate } from "orval";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectMuteAndCoach, type GeneratorRun, namedTypes, PROVIDERS, startRun, typeCheck, writeTypeChecks } from "./workspace.js";

let run: GeneratorRun;

beforeAll(async () => {
  run = await startRun("orval");
  for (const provider of PROVIDERS) {
    await generate({
      input: { target: provider.document },
      output: { target: join(run.dir, provider.name, "client.ts"), client: "fetch", baseUrl: provider.baseUrl?.(run.mock.url) },
    });
  }
  writeTypeChecks(
    run.dir,
    namedTypes((provider) => `./${provider}/client`),
  );
}, 120_000);

afterAll(() => run?.close());

type GeneratedOperation = (...args: unknown[]) => Promise<{ data: unknown; status: number }>;

describe("orval", () => {
  it("generates clients that type-check under strict, keep the coaching rule and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it.each(PROVIDERS)("$name: pointed at the mock, mutes and coaches", async (provider) => {
    const sdk = (await import(join(run.dir, provider.name, "client.ts"))) as Record<string, GeneratedOperation>;
    await expectMuteAndCoach(provider, async (body) => {
      const { data, status } = await sdk[provider.operationId]!(...Object.values(provider.pathParameters(provider.call)), body, {
        headers: { Authorization: provider.authorization },
      });
      return { status, data };
    });
  });
});
