/**
 * @hey-api/openapi-ts (fetch client) on each per-provider document, as a consumer runs it: generate from a
 * config file (the README's: `output.module.extension: ".js"`, without which its relative imports have no
 * extension and fail a `nodenext` project), type-check under strict for bundlers and for `nodenext`, then point
 * only the base URL at the mock and update a participant.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectMuteAndCoach,
  type GeneratorRun,
  namedTypes,
  PROVIDERS,
  runTool,
  startRun,
  typeCheck,
  writeTypeChecks,
} from "./workspace.js";

let run: GeneratorRun;

beforeAll(async () => {
  run = await startRun("hey-api");
  const configs = PROVIDERS.map((provider) => ({
    input: provider.document,
    output: { path: provider.name, module: { extension: ".js" } },
    plugins: ["@hey-api/client-fetch"],
  }));
  writeFileSync(join(run.dir, "openapi-ts.config.mjs"), `export default ${JSON.stringify(configs, null, 2)};\n`);
  runTool("openapi-ts", ["-f", "openapi-ts.config.mjs"], run.dir);
  writeTypeChecks(
    run.dir,
    namedTypes((provider) => `./${provider}/types.gen.js`),
  );
}, 120_000);

afterAll(() => run?.close());

interface GeneratedClient {
  setConfig(config: { baseUrl: string }): void;
}
type GeneratedOperation = (options: {
  path: Record<string, string>;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}) => Promise<{ data?: unknown; response: Response }>;

describe("@hey-api/openapi-ts", () => {
  it("generates clients that type-check under strict, keep the coaching rule and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it("generates clients that type-check in a nodenext project", () => {
    typeCheck(run.dir, { module: "NodeNext", moduleResolution: "NodeNext" });
  });

  it.each(PROVIDERS)("$name: names the document's server as its base URL", (provider) => {
    const types = readFileSync(join(run.dir, provider.name, "types.gen.ts"), "utf8");
    expect(types).toContain(`baseUrl: '${provider.server}' | (string & {});`);
  });

  it.each(PROVIDERS)("$name: pointed at the mock, mutes and coaches", async (provider) => {
    const { client } = (await import(join(run.dir, provider.name, "client.gen.ts"))) as { client: GeneratedClient };
    const sdk = (await import(join(run.dir, provider.name, "sdk.gen.ts"))) as Record<string, GeneratedOperation>;
    client.setConfig({ baseUrl: provider.baseUrl(run.mock.url) });
    await expectMuteAndCoach(provider, async (body) => {
      const { data, response } = await sdk[provider.operationId]!({
        path: provider.pathParameters(provider.call),
        body,
        headers: { Authorization: provider.authorization },
      });
      return { status: response.status, data };
    });
  });
});
