/**
 * orval (fetch client) on each per-provider document, as a consumer runs it: generate, type-check under strict,
 * then update a participant on the mock. orval's fetch client takes its base URL when it is generated (its
 * `baseUrl` option), so that is where the mock's URL goes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "orval";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { expectMuteAndCoach, outputFolder, PROVIDERS, typeCheck, typeChecks } from "./workspace.js";

const output = outputFolder("orval");
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, host: "127.0.0.1", log: false });
  for (const provider of PROVIDERS) {
    await generate({
      input: { target: provider.document },
      output: { target: join(output.dir, provider.name, "client.ts"), client: "fetch", baseUrl: provider.baseUrl(mock.url) },
    });
  }
  writeFileSync(
    join(output.dir, "checks.ts"),
    typeChecks(`import type { SignalWireUpdateParticipantRequest as SignalWireRequest } from "./signalwire/client";
import type { TelnyxError, TelnyxUpdateParticipantRequest as TelnyxRequest } from "./telnyx/client";`),
  );
}, 120_000);

afterAll(async () => {
  await mock?.close();
  output.remove();
});

type GeneratedOperation = (...args: unknown[]) => Promise<{ data: unknown; status: number }>;

describe("orval", () => {
  it("generates clients that type-check under strict, keep the coaching rule and type Telnyx's error", () => {
    typeCheck(output.dir);
  });

  it.each(PROVIDERS)("$name: pointed at the mock, mutes and coaches", async (provider) => {
    const sdk = (await import(join(output.dir, provider.name, "client.ts"))) as Record<string, GeneratedOperation>;
    await expectMuteAndCoach(provider, async (body) => {
      const { data, status } = await sdk[provider.operationId]!(...Object.values(provider.pathParameters(provider.call)), body, {
        headers: { Authorization: provider.authorization },
      });
      return { status, data };
    });
  });
});
