/**
 * Kubb 4.39 (`@kubb/plugin-ts` and `@kubb/plugin-client`'s fetch client) on each per-provider document, as a
 * consumer runs it: `kubb generate` with a config, type-check under strict, then update a participant on the
 * mock. Kubb keeps the coaching rule in its types, and types Telnyx's error `any`. Its fetch client sends any
 * body as `JSON.stringify`: with no Content-Type where the document also lists JSON (a 415 from the mock),
 * under the form's where it lists only a form (Twilio: a 422, the JSON text read as one unknown field). It
 * works with one setting where the provider takes JSON (SignalWire, Telnyx):
 * `setConfig({ headers: { "Content-Type": "application/json" } })`. For Twilio's form, a client of one's own,
 * passed as `client`, encodes it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectMuteAndCoach,
  type GeneratorRun,
  namedTypes,
  PROVIDERS,
  type ProviderCase,
  runTool,
  startRun,
  typeCheck,
  writeTypeChecks,
} from "./workspace.js";

let run: GeneratorRun;

beforeAll(async () => {
  run = await startRun("kubb");
  const configs = PROVIDERS.map((provider) => ({ name: provider.name, document: provider.document }));
  writeFileSync(
    join(run.dir, "kubb.config.ts"),
    `import { defineConfig } from "@kubb/core";
import { pluginClient } from "@kubb/plugin-client";
import { pluginOas } from "@kubb/plugin-oas";
import { pluginTs } from "@kubb/plugin-ts";

export default defineConfig(
  ${JSON.stringify(configs)}.map(({ name, document }) => ({
    name,
    root: ".",
    input: { path: document },
    output: { path: \`./\${name}\`, clean: true },
    plugins: [pluginOas(), pluginTs(), pluginClient({ client: "fetch", bundle: true })],
  })),
);
`,
  );
  runTool("kubb", ["generate", "--config", "kubb.config.ts"], run.dir);
  writeTypeChecks(
    run.dir,
    namedTypes((provider) => `./${provider}/index.ts`),
    { telnyxErrorIsAny: true },
  );
}, 180_000);

afterAll(() => run?.close());

interface RequestConfig {
  baseURL?: string;
  url?: string;
  method?: string;
  data?: unknown;
  headers?: Record<string, string>;
}
interface ResponseConfig {
  data: unknown;
  status: number;
}
type Client = (config: RequestConfig) => Promise<ResponseConfig>;
interface Generated {
  operation: (...args: unknown[]) => Promise<unknown>;
  fetch: Client;
  setConfig(config: RequestConfig): void;
}

async function load(provider: ProviderCase): Promise<Generated> {
  const clients = (await import(join(run.dir, provider.name, "clients", `${provider.operationId}.ts`))) as Record<
    string,
    Generated["operation"]
  >;
  const { fetch, setConfig } = (await import(join(run.dir, provider.name, ".kubb", "fetch.ts"))) as Omit<Generated, "operation">;
  return { operation: clients[provider.operationId]!, fetch, setConfig };
}

/** One update through the generated function, with `client` (the bundled fetch unless given) and its status kept. */
function updater(provider: ProviderCase, generated: Generated, client: Client = generated.fetch) {
  return async (body: Record<string, unknown>) => {
    let status = 0;
    const counting: Client = async (config) => {
      const response = await client(config);
      status = response.status;
      return response;
    };
    const data = await generated.operation(...Object.values(provider.pathParameters(provider.call)), body, { client: counting });
    return { status, data };
  };
}

/** A client of one's own that sends the body as a form, as Twilio requires. */
const formClient: Client = async ({ baseURL, url, method, data, headers }) => {
  const form = new URLSearchParams(Object.entries(data as object).map(([key, value]) => [key, String(value)]));
  const response = await fetch(`${baseURL}${url}`, {
    method,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  return { status: response.status, data: await response.json() };
};

const takesJson = (provider: ProviderCase) => provider.name !== "twilio";

describe("kubb", () => {
  it("generates clients that type-check under strict and keep the coaching rule", () => {
    typeCheck(run.dir, { allowImportingTsExtensions: true });
  });

  it.each(PROVIDERS.filter(takesJson))("$name: as generated, its fetch client sends JSON with no Content-Type: 415", async (provider) => {
    const generated = await load(provider);
    generated.setConfig({ baseURL: provider.baseUrl(run.mock.url), headers: { Authorization: provider.authorization } });
    expect((await updater(provider, generated)({ Muted: true })).status).toBe(415);
  });

  it.each(PROVIDERS.filter((provider) => !takesJson(provider)))(
    "$name: as generated, it sends JSON text under the form's Content-Type: 422, one unknown field",
    async (provider) => {
      const generated = await load(provider);
      generated.setConfig({ baseURL: provider.baseUrl(run.mock.url), headers: { Authorization: provider.authorization } });
      expect(await updater(provider, generated)({ Muted: true })).toMatchObject({
        status: 422,
        data: { message: '{"Muted":true}: is not a field of this body' },
      });
    },
  );

  it.each(PROVIDERS.filter(takesJson))("$name: with a JSON Content-Type set once, mutes and coaches", async (provider) => {
    const generated = await load(provider);
    generated.setConfig({
      baseURL: provider.baseUrl(run.mock.url),
      headers: { Authorization: provider.authorization, "Content-Type": "application/json" },
    });
    await expectMuteAndCoach(provider, updater(provider, generated));
  });

  it.each(PROVIDERS.filter((provider) => !takesJson(provider)))(
    "$name: with a form client of one's own, mutes and coaches",
    async (provider) => {
      const own: Client = (config) =>
        formClient({ ...config, baseURL: provider.baseUrl(run.mock.url), headers: { Authorization: provider.authorization } });
      await expectMuteAndCoach(provider, updater(provider, await load(provider), own));
    },
  );
});
