import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("redocly lint", () => {
  it.each(["main", "mock-admin"])("passes on %s with zero errors and zero warnings, example rules raised to errors", (api) => {
    const output = execFileSync(join(root, "node_modules", ".bin", "redocly"), ["lint", api, "--format", "json"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const report = JSON.parse(output.slice(output.indexOf("{"))) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("checks examples against their schemas as errors, not warnings", () => {
    const config = readFileSync(join(root, "redocly.yaml"), "utf8");
    for (const rule of ["no-invalid-media-type-examples", "no-invalid-schema-examples", "no-invalid-parameter-examples"]) {
      expect(config).toMatch(new RegExp(`\\n  ${rule}:\\n    severity: error\\n`));
    }
  });
});
