import SwaggerParser from "@apidevtools/swagger-parser";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const tool = (name: string) => join(root, "node_modules", ".bin", name);

/** Runs `redocly lint … --format json` and expects its report to hold no problem at all. */
function expectRedoclyReportsNothing(args: string[]): void {
  const output = execFileSync(tool("redocly"), ["lint", ...args, "--format", "json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const report = JSON.parse(output.slice(output.indexOf("{"))) as { totals: { errors: number; warnings: number }; problems: unknown[] };
  expect(report.problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
}

describe("redocly lint", () => {
  it.each(["main", "mock-admin"])("passes on %s with zero errors and zero warnings, example rules raised to errors", (api) => {
    expectRedoclyReportsNothing([api]);
  });

  it("checks examples against their schemas as errors, not warnings", () => {
    const config = readFileSync(join(root, "redocly.yaml"), "utf8");
    for (const rule of ["no-invalid-media-type-examples", "no-invalid-schema-examples", "no-invalid-parameter-examples"]) {
      expect(config).toMatch(new RegExp(`\\n  ${rule}:\\n    severity: error\\n`));
    }
  });
});

/** The published documents, each as SDK generators and API tooling read it, with each tool's own ruleset. */
describe.each(["openapi.json", "signalwire.openapi.json", "telnyx.openapi.json", "twilio.openapi.json"])("generated/%s", (file) => {
  const document = join(root, "generated", file);
  const rulesets = mkdtempSync(join(tmpdir(), "rulesets-"));
  afterAll(() => rmSync(rulesets, { recursive: true, force: true }));

  it("passes redocly lint with Redocly's recommended-strict ruleset alone: no error, no warning", () => {
    const config = join(rulesets, "redocly.yaml");
    writeFileSync(config, "extends:\n  - recommended-strict\n");
    expectRedoclyReportsNothing([document, "--config", config]);
  });

  it("passes Spectral with spectral:oas: no result at any severity", () => {
    const ruleset = join(rulesets, ".spectral.yaml");
    const results = join(rulesets, "spectral.json");
    writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    execFileSync(
      tool("spectral"),
      ["lint", document, "--ruleset", ruleset, "--format", "json", "--output", results, "--fail-severity", "hint"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(JSON.parse(readFileSync(results, "utf8"))).toEqual([]);
  });

  it("passes @apidevtools/swagger-parser's validate()", async () => {
    const api = (await SwaggerParser.validate(document)) as { openapi: string };
    expect(api.openapi).toBe("3.1.0");
  });
});
