/**
 * Specmatic's generative mode (SPECMATIC_GENERATIVE_TESTS=true) from each per-provider document against
 * the mock. Not part of `npm test`: it takes minutes (SignalWire's document alone makes over 5,000 tests),
 * so it runs on its own: `npx vitest run -c vitest.generative.config.ts`.
 *
 * What it asserts is what the run shows, failure by failure: each failing test is a negative one whose
 * request this package's validators call valid. Specmatic's negative for a `pattern` is the pattern with `_`
 * appended (`…$` becomes `…_$`), and an http(s) URL followed by `_` is still one (`_` is unreserved), so the
 * mock answers 200 where Specmatic expected a 4xx. A failure of any other kind fails this check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateUpdateRequest } from "../../src/index.js";
import { useMockServer } from "../helpers/mock-server.js";
import { PROVIDERS, root } from "../generators/workspace.js";
import { requireJava, runSpecmatic, type Scenario, scenarios, specmaticCredentials, totals } from "./specmatic.js";

const mock = useMockServer();
let dir: string;

beforeAll(() => {
  requireJava();
  dir = mkdtempSync(join(root, "artifacts", "specmatic-generative-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The body of a request as Specmatic prints it: after the headers' blank line. */
function bodyOf(scenario: Scenario): string {
  const lines = scenario.request.split("\n").map((line) => line.replace(/^ {4}/, ""));
  return lines.slice(lines.indexOf("") + 1).join("\n");
}

describe("specmatic test, generative mode, against the mock", () => {
  it.each(PROVIDERS)(
    "$name: every failure is a negative test whose request the contract accepts",
    async (provider) => {
      mock.reset();
      const run = await runSpecmatic(["test", provider.document, "--testBaseURL", provider.baseUrl(mock.url)], {
        cwd: dir,
        env: { ...specmaticCredentials(provider), SPECMATIC_GENERATIVE_TESTS: "true" },
        timeoutMs: 900_000,
      });
      const ran = scenarios(run.output);
      const failed = ran.filter((scenario) => !scenario.passed);
      const kinds = failed.map((scenario) => {
        const regex = /(\w+) is set to a value matching an invalid regex/.exec(scenario.name);
        const body = bodyOf(scenario);
        const verdict = validateUpdateRequest(provider.name, body.startsWith("{") ? JSON.parse(body) : body).ok ? "valid" : "invalid";
        return `${scenario.sign} ${regex ? `${regex[1]} = pattern + _` : "other"}: contract says ${verdict}`;
      });
      const counts = [...new Set(kinds)].map((kind) => `${kinds.filter((other) => other === kind).length} × ${kind}`);
      const negatives = ran.filter((scenario) => scenario.sign === "-ve").length;
      const unparsable = /Failed to parse path: [^;\n]*/.exec(run.output)?.[0];
      console.log(
        `${provider.name}: ${JSON.stringify(totals(run.output))}, ${negatives} negative; failures: ${counts.join("; ") || "none"}` +
          (unparsable ? `\n  Specmatic made no more negative tests after: ${unparsable.slice(0, 160)}` : ""),
      );
      expect(kinds.filter((kind) => !/^-ve \w+ = pattern \+ _: contract says valid$/.test(kind))).toEqual([]);
    },
    900_000,
  );
});
