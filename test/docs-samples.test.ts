/**
 * The docs' code samples (`x-codeSamples`) run as published against the mock server. curl: only the
 * provider's host is swapped for the mock's. TypeScript: the package name points at this checkout's source,
 * the client gets the mock's origin as `baseUrl`, and the sample must also compile under `strict`. The
 * credentials the samples read from the environment are the mock's built-in test credentials. Each must
 * succeed, and the participant it gets back shows the update.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { validateErrorBody, validateParticipant } from "../src/index.js";
import { useMockServer } from "./helpers/mock-server.js";
import { COACHED, CREDENTIALS as DEFAULT_CREDENTIALS, TW_CALLS, TW_LABEL } from "./fixtures/ids.js";
import { providerNames, providers, type Provider } from "../src/contract/providers.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
const contract = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")) as {
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
  TWILIO_ACCOUNT_SID: DEFAULT_CREDENTIALS.twilioAccountSid,
  TWILIO_AUTH_TOKEN: DEFAULT_CREDENTIALS.twilioAuthToken,
};

/** What each provider's sample asks for, as the participant in the answer must show it. */
const expectedAfterUpdate: Record<Provider, Record<string, unknown>> = {
  signalwire: { muted: false, coaching: true, call_sid_to_coach: COACHED },
  telnyx: { hold: true },
  twilio: { hold: true, label: TW_LABEL },
};

/** What each provider's TypeScript sample prints from the participant it gets back. */
const expectedPrinted: Record<Provider, string> = {
  signalwire: `true ${COACHED}\n`,
  telnyx: "true\n",
  twilio: `true ${TW_CALLS[1]}\n`,
};

/** A TypeScript sample as a module of this checkout: the package name resolved to src/, the mock as origin. */
function localTypeScript(source: string, origin: string): string {
  const imports = source.split('from "conference-participants"').length - 1;
  const factories = source.match(/create\w+Client\(\{/g) ?? [];
  if (imports !== 1 || factories.length !== 1) throw new Error("a TypeScript sample imports the package once and creates one client");
  return source
    .replace('from "conference-participants"', `from ${JSON.stringify(join(root, "src", "index.js"))}`)
    .replace(factories[0]!, `${factories[0]!}\n  baseUrl: ${JSON.stringify(origin)},`);
}

const mock = useMockServer();
const scratch = mkdtempSync(join(tmpdir(), "docs-samples-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the docs' TypeScript samples", () => {
  it("compile under strict TypeScript against this package's source", async () => {
    const files = providerNames.map((provider) => {
      const source = samplesOf(providers[provider].operationId).find((sample) => sample.label === "TypeScript client");
      const file = join(scratch, `${provider}-typecheck.mts`);
      writeFileSync(file, localTypeScript(source!.source, "http://127.0.0.1:4010"));
      return file;
    });
    const options = ["--noEmit", "--strict", "--noUncheckedIndexedAccess", "--module", "nodenext", "--target", "es2022"];
    const types = ["--skipLibCheck", "--typeRoots", join(root, "node_modules", "@types"), "--types", "node"];
    const result = await run(bin("tsc"), [...options, ...types, ...files], { timeout: 60_000 }).catch(
      (failure: Error & { stdout?: string }) => ({ stdout: failure.stdout || failure.message }),
    );
    expect(result.stdout).toBe("");
  });
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

  it("have a TypeScript client sample that succeeds against the mock", async () => {
    const source = samples.find((sample) => sample.label === "TypeScript client")!.source;
    const file = join(scratch, `${provider}.mts`);
    writeFileSync(file, localTypeScript(source, mock.url));
    const { stdout } = await run(bin("tsx"), [file], {
      env: { PATH: process.env.PATH, ...sampleEnvironment },
      timeout: 30_000,
    });
    expect(stdout).toBe(expectedPrinted[provider]);
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
