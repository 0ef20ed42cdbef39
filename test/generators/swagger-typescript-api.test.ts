/**
 * swagger-typescript-api 13 (fetch) on each per-provider document, as a consumer runs it: generate, type-check
 * its types under strict (the client itself is marked `// @ts-nocheck`), then point only its base URL at the
 * mock and update a participant. It sends JSON where the document offers it (SignalWire, Telnyx) and a
 * URL-encoded form for Twilio, and keeps the coaching rule in its types.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
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
  run = await startRun("swagger-typescript-api");
  for (const provider of PROVIDERS) {
    runTool("swagger-typescript-api", ["generate", "-p", provider.document, "-o", join(run.dir, provider.name), "-n", "client.ts"]);
  }
  writeTypeChecks(
    run.dir,
    namedTypes((provider) => `./${provider}/client`),
  );
}, 120_000);

afterAll(() => run?.close());

type Operation = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
interface GeneratedApi {
  [namespace: string]: unknown;
}

/** The generated operation, wherever the client groups it (`api.texml.updateTelnyxParticipant`). */
function operationOf(api: GeneratedApi, operationId: string): Operation {
  for (const group of Object.values(api)) {
    const operation = (group as Record<string, unknown> | null)?.[operationId];
    if (typeof operation === "function") return operation as Operation;
  }
  throw new Error(`no ${operationId} in the generated client`);
}

async function updater(provider: ProviderCase) {
  const { Api } = (await import(join(run.dir, provider.name, "client.ts"))) as {
    Api: new (config: { baseUrl: string; securityWorker: () => { headers: Record<string, string> } }) => GeneratedApi;
  };
  const api = new Api({
    baseUrl: provider.baseUrl(run.mock.url),
    securityWorker: () => ({ headers: { Authorization: provider.authorization } }),
  });
  const operation = operationOf(api, provider.operationId);
  return async (body: Record<string, unknown>) => {
    try {
      const { status, data } = await operation(...Object.values(provider.pathParameters(provider.call)), body);
      return { status, data };
    } catch (failed) {
      const { status, error } = failed as { status: number; error: unknown };
      return { status, data: error };
    }
  };
}

describe("swagger-typescript-api", () => {
  it("generates types that type-check under strict, keep the coaching rule and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it.each(PROVIDERS)("$name: pointed at the mock, mutes and coaches", async (provider) => {
    await expectMuteAndCoach(provider, await updater(provider));
  });
});
