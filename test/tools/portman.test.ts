/**
 * Portman 1.33 turns each per-provider document into a Postman collection with contract tests (status,
 * content type, JSON body, the answer against the document's schema), and newman 6 runs it against the mock
 * with the credentials as its only options: every assertion passes. Postman's schema check is ajv with no
 * format of this contract's: the dates are checked by their pattern, so an answer dated `DBTOJ` fails it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useMockServer } from "../helpers/mock-server.js";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.js";
import { PROVIDERS, type ProviderCase, root, runTool } from "../generators/workspace.js";
import { runChild } from "./child.js";

const mock = useMockServer();
let dir: string;
let dated: RecordingServer;

/** The participant of the document's first 200 example, dated `DBTOJ`. */
function badlyDated(provider: ProviderCase): unknown {
  const document = JSON.parse(readFileSync(provider.document, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const operation = Object.values(Object.values(document.paths)[0]!)[0] as {
    responses: { 200: { content: { "application/json": { examples: Record<string, { value: object }> } } } };
  };
  return { ...Object.values(operation.responses[200].content["application/json"].examples)[0]!.value, date_created: "DBTOJ" };
}

beforeAll(async () => {
  dir = mkdtempSync(join(root, "artifacts", "portman-"));
  const byPath = new Map(PROVIDERS.map((provider) => [provider.name, badlyDated(provider)]));
  dated = await startRecordingServer((request) => ({
    body: byPath.get(request.url.includes("/texml/") ? "telnyx" : request.url.startsWith("/api/laml/") ? "signalwire" : "twilio"),
  }));
});
afterAll(async () => {
  await dated?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The Postman variables the collection's auth reads: `{{bearerToken}}`, or `{{basicAuthUsername}}` and `{{basicAuthPassword}}`. */
function credentials(provider: ProviderCase): string[] {
  const [scheme, token = ""] = provider.authorization.split(" ");
  if (scheme === "Bearer") return ["--env-var", `bearerToken=${token}`];
  const basic = Buffer.from(token, "base64").toString();
  const colon = basic.indexOf(":");
  return ["--env-var", `basicAuthUsername=${basic.slice(0, colon)}`, "--env-var", `basicAuthPassword=${basic.slice(colon + 1)}`];
}

interface NewmanReport {
  run: {
    stats: { assertions: { total: number; failed: number }; requests: { total: number } };
    failures: { error: { message: string } }[];
  };
}

/** Portman writes each provider's collection once, for the mock; newman runs it against `baseUrl`. */
function collection(provider: ProviderCase): string {
  const file = join(dir, `${provider.name}.postman.json`);
  if (!existsSync(file)) runTool("portman", ["-l", provider.document, "-b", provider.baseUrl(mock.url), "-o", file], dir);
  return file;
}

/** newman with the credentials and, for another server, the collection's `baseUrl`; its report as JSON. */
async function newman(provider: ProviderCase, name: string, baseUrl?: string): Promise<NewmanReport> {
  const report = join(dir, `${name}.newman.json`);
  const server = baseUrl === undefined ? [] : ["--env-var", `baseUrl=${baseUrl}`];
  await runChild(
    join(root, "node_modules", ".bin", "newman"),
    ["run", collection(provider), ...credentials(provider), ...server, "--reporters", "json", "--reporter-json-export", report],
    { cwd: dir, timeoutMs: 60_000 },
  );
  return JSON.parse(readFileSync(report, "utf8")) as NewmanReport;
}

describe("Portman's contract tests, run by newman", () => {
  it.each(PROVIDERS)(
    "$name: pass against the mock",
    async (provider) => {
      const { run } = await newman(provider, provider.name);
      expect(run.failures.map((failure) => failure.error.message)).toEqual([]);
      expect(run.stats.requests.total).toBe(1);
      expect(run.stats.assertions).toMatchObject({ failed: 0 });
      expect(run.stats.assertions.total).toBeGreaterThanOrEqual(4);
      expect(mock.requests().at(-1)).toMatchObject({ status: 200, verdict: "valid" });
    },
    120_000,
  );

  it.each(PROVIDERS)(
    "$name: fail an answer dated DBTOJ on the date's pattern",
    async (provider) => {
      const base = provider.name === "telnyx" ? `${dated.origin}/v2` : dated.origin;
      const { run } = await newman(provider, `${provider.name}-dbtoj`, base);
      expect(run.failures.map((failure) => failure.error.message)).toEqual([expect.stringMatching(/date_created should match pattern/)]);
    },
    120_000,
  );
});
