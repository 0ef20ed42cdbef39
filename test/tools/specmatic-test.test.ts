/**
 * `specmatic test` (Specmatic 2.55, its default run) from each per-provider document against the mock: it
 * loads the document without `--lenient`, builds a scenario from every request example that has a response
 * example of the same name (it ignores the others, and says so), adds variants that fill the other fields
 * with values it makes up (from the patterns, and from the dictionary beside the document), and every one
 * passes. The mock's journal agrees: every request it got was valid and answered 200.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useMockServer } from "../helpers/mock-server.js";
import { PROVIDERS, root } from "../generators/workspace.js";
import {
  ignoredRequestExamples,
  requestExamples,
  requireJava,
  runSpecmatic,
  scenarios,
  specmaticCredentials,
  totals,
} from "./specmatic.js";

const mock = useMockServer();
let dir: string;

beforeAll(() => {
  requireJava();
  dir = mkdtempSync(join(root, "artifacts", "specmatic-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("specmatic test against the mock", () => {
  it.each(PROVIDERS)(
    "$name: every scenario from the document's examples and its variants passes",
    async (provider) => {
      mock.reset();
      const run = await runSpecmatic(["test", provider.document, "--testBaseURL", provider.baseUrl(mock.url)], {
        cwd: dir,
        env: specmaticCredentials(provider),
        timeoutMs: 240_000,
      });
      const ran = scenarios(run.output);
      const counts = totals(run.output);
      expect(run.output).not.toMatch(/R\d{4}:|--lenient/);
      expect(counts).toMatchObject({ Failures: 0, Errors: 0, Successes: ran.length });
      expect(ran.filter((scenario) => !scenario.passed).map((scenario) => scenario.request)).toEqual([]);
      const { paired, unpaired } = requestExamples(provider);
      for (const example of paired) expect(ran.some((scenario) => scenario.name.includes(`from the example '${example}'`))).toBe(true);
      expect(ignoredRequestExamples(run.output)).toEqual(unpaired.sort());
      // Specmatic first asks the server for an API description of its own (GET …/swagger/v1/swagger.yaml: 404).
      const journal = mock.requests().filter((entry) => entry.method === "POST");
      expect(journal.length).toBe(ran.length);
      expect(journal.filter((entry) => entry.status !== 200 || entry.verdict !== "valid")).toEqual([]);
      console.log(
        `${provider.name}: ${ran.length} scenarios passed; request examples without an answer example: ${unpaired.join(", ") || "none"}`,
      );
    },
    300_000,
  );
});
