/**
 * openapi-typescript-codegen 0.31 (fetch client) on each per-provider document, as a consumer runs it:
 * generate, type-check under strict, then update a participant on the mock. Its types drop the coaching
 * rule (each branch's `Coaching` becomes `boolean`). It reads a body's first media type: for a form it
 * builds `FormData`, which fetch sends as `multipart/form-data`, and every provider's mock answers 415. No
 * option of its CLI sends a URL-encoded form; a document that lists JSON first makes it send JSON, which
 * SignalWire and Telnyx take: that copy of their documents, generated the same way, mutes and coaches.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectMuteAndCoach,
  type GeneratorRun,
  namedTypes,
  PROVIDERS,
  type ProviderCase,
  runPackageBin,
  startRun,
  typeCheck,
  writeTypeChecks,
} from "./workspace.js";

let run: GeneratorRun;

const takesJson = (provider: ProviderCase) => provider.name !== "twilio";

/** A copy of the provider's document whose request body lists `application/json` first. */
function jsonFirst(provider: ProviderCase): string {
  const document = JSON.parse(readFileSync(provider.document, "utf8")) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>;
  };
  const body = Object.values(document.paths)[0]!.post.requestBody;
  const { "application/json": json, ...others } = body.content;
  body.content = { "application/json": json, ...others };
  const file = join(run.dir, `${provider.name}.json-first.json`);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

/** The generator's CLI, as the README runs it: the fetch client. */
function generate(document: string, output: string): void {
  runPackageBin("openapi-typescript-codegen", "openapi", ["--input", document, "--output", output, "--client", "fetch"]);
}

beforeAll(async () => {
  run = await startRun("openapi-typescript-codegen");
  for (const provider of PROVIDERS) {
    generate(provider.document, join(run.dir, provider.name));
    if (takesJson(provider)) generate(jsonFirst(provider), join(run.dir, `${provider.name}-json`));
  }
  writeTypeChecks(
    run.dir,
    namedTypes((provider) => `./${provider}`),
    { coachingRuleLost: true },
  );
}, 120_000);

afterAll(() => run?.close());

interface Generated {
  OpenAPI: { BASE: string; HEADERS?: Record<string, string> };
  ApiError: new () => { status: number; body: unknown };
  [service: string]: unknown;
}

/** One update through the generated service of the client in `folder`, its status read from the ApiError it throws. */
async function updater(provider: ProviderCase, folder: string) {
  const generated = (await import(join(run.dir, folder, "index.ts"))) as Generated;
  generated.OpenAPI.BASE = provider.baseUrl(run.mock.url);
  generated.OpenAPI.HEADERS = { Authorization: provider.authorization };
  const service = Object.entries(generated).find(([name]) => name.endsWith("Service"))![1] as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  return async (body: Record<string, unknown>) => {
    try {
      return { status: 200, data: await service[provider.operationId]!(...Object.values(provider.pathParameters(provider.call)), body) };
    } catch (error) {
      if (!(error instanceof generated.ApiError)) throw error;
      return { status: error.status, data: error.body };
    }
  };
}

describe("openapi-typescript-codegen", () => {
  it("generates clients that type-check under strict and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it.each(PROVIDERS)("$name: as generated, sends the form as multipart/form-data: 415", async (provider) => {
    expect((await (await updater(provider, provider.name))({ Muted: true })).status).toBe(415);
  });

  it.each(PROVIDERS.filter(takesJson))("$name: from a copy of the document that lists JSON first, mutes and coaches", async (provider) => {
    await expectMuteAndCoach(provider, await updater(provider, `${provider.name}-json`));
  });
});
