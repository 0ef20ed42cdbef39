/**
 * @hey-api/openapi-ts (fetch client) on each per-provider document, as a consumer runs it: generate, type-check
 * under strict, then point only the base URL at the mock and update a participant.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { expectMuteAndCoach, outputFolder, PROVIDERS, runTool, typeCheck, typeChecks } from "./workspace.js";

const output = outputFolder("hey-api");
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, host: "127.0.0.1", log: false });
  for (const provider of PROVIDERS) {
    runTool("openapi-ts", ["-i", provider.document, "-o", join(output.dir, provider.name), "-c", "@hey-api/client-fetch"]);
  }
  writeFileSync(
    join(output.dir, "checks.ts"),
    typeChecks(`import type { SignalWireUpdateParticipantRequest as SignalWireRequest } from "./signalwire/types.gen";
import type { TelnyxError, TelnyxUpdateParticipantRequest as TelnyxRequest } from "./telnyx/types.gen";`),
  );
}, 120_000);

afterAll(async () => {
  await mock?.close();
  output.remove();
});

interface GeneratedClient {
  setConfig(config: { baseUrl: string }): void;
}
type GeneratedOperation = (options: {
  path: Record<string, string>;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}) => Promise<{ data?: unknown; response: Response }>;

describe("@hey-api/openapi-ts", () => {
  it("generates clients that type-check under strict, keep the coaching rule and type Telnyx's error", () => {
    typeCheck(output.dir);
  });

  it.each(PROVIDERS)("$name: names the document's server as its base URL; pointed at the mock, mutes and coaches", async (provider) => {
    const types = readFileSync(join(output.dir, provider.name, "types.gen.ts"), "utf8");
    expect(types).toContain(`baseUrl: '${provider.server}' | (string & {});`);
    const { client } = (await import(join(output.dir, provider.name, "client.gen.ts"))) as { client: GeneratedClient };
    const sdk = (await import(join(output.dir, provider.name, "sdk.gen.ts"))) as Record<string, GeneratedOperation>;
    client.setConfig({ baseUrl: provider.baseUrl(mock.url) });
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
