/**
 * The docs' curl samples (`x-codeSamples`) run as published against the mock server: only the provider's
 * host is swapped for the mock's, and the credentials the samples read from the environment are the
 * mock's built-in test credentials. Each must succeed and answer a participant that shows the update.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, validateErrorBody, validateParticipant, type MockServer } from "../src/index.js";
import { DEFAULT_CREDENTIALS } from "../src/mock/auth.js";
import { providerNames, providers, type Provider } from "../src/providers.js";

const run = promisify(execFile);

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
const contract = JSON.parse(readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, { operationId: string; "x-codeSamples"?: CodeSample[] }>>;
};

function samplesOf(operationId: string): CodeSample[] {
  const operation = Object.values(contract.paths)
    .flatMap((item) => Object.values(item))
    .find((candidate) => candidate.operationId === operationId);
  return operation?.["x-codeSamples"] ?? [];
}

/** The origin the published sample calls: the operation's server with its variables' defaults. */
function providerOrigin(provider: Provider): string {
  const { url, variables } = providers[provider].server;
  const filled = Object.entries(variables as Record<string, string>).reduce<string>(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    url,
  );
  return new URL(filled).origin;
}

/** The environment the samples read their credentials from, filled with the mock's test credentials. */
const sampleEnvironment = {
  SIGNALWIRE_PROJECT_ID: DEFAULT_CREDENTIALS.projectId,
  SIGNALWIRE_API_TOKEN: DEFAULT_CREDENTIALS.apiToken,
  TELNYX_API_KEY: DEFAULT_CREDENTIALS.telnyxApiKey,
};

/** What each provider's sample asks for, as the participant in the answer must show it. */
const expectedAfterUpdate: Record<Provider, Record<string, unknown>> = {
  signalwire: { muted: false, coaching: true, call_sid_to_coach: "b3877c40-da60-4998-90ad-b792e98472cb" },
  telnyx: { hold: true },
};

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, log: false });
});
afterAll(async () => {
  await mock?.close();
});

describe.each(providerNames)("the %s operation's docs", (provider) => {
  const samples = samplesOf(providers[provider].operationId);

  it("carry a curl sample and a TypeScript client sample", () => {
    expect(samples.map((sample) => sample.label)).toEqual(["curl", "TypeScript client"]);
  });

  it("have a curl sample that succeeds against the mock with only its host swapped", async () => {
    const curl = samples.find((sample) => sample.label === "curl")!.source;
    const origin = providerOrigin(provider);
    expect(curl.split(origin).length - 1, `the sample calls ${origin} once`).toBe(1);
    const { stdout } = await run("bash", ["-c", curl.replace(origin, mock.url)], {
      env: { PATH: process.env.PATH, ...sampleEnvironment },
      timeout: 20_000,
    });
    const answer = validateParticipant(provider, JSON.parse(stdout), { strict: true });
    expect(answer.ok ? [] : answer.errors).toEqual([]);
    expect(answer.ok && answer.value).toMatchObject(expectedAfterUpdate[provider]);
  });

  it("have a curl sample that gets the provider's error body without the test credentials", async () => {
    const curl = samples.find((sample) => sample.label === "curl")!.source;
    const { stdout } = await run("bash", ["-c", curl.replace(providerOrigin(provider), mock.url)], {
      env: { PATH: process.env.PATH },
      timeout: 20_000,
    });
    expect(validateErrorBody(provider, JSON.parse(stdout)).ok).toBe(true);
    expect(validateParticipant(provider, JSON.parse(stdout), { strict: true }).ok).toBe(false);
  });
});
