/**
 * The built package as a plain Node user gets it: `npm test` builds dist/ first, then this imports it by its
 * package name, through the `exports` map, with no TypeScript tooling.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, { types: string; default: string } | string>;
  engines: { node: string };
  type: string;
};

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const probe = `validateUpdateRequest("signalwire", "Muted=True&HoldMethod=PUT")`;

describe("the built package", () => {
  it("is an ES module package for Node >= 20.19 whose exports point at built files", () => {
    expect(pkg.type).toBe("module");
    expect(pkg.engines.node).toBe(">=20.19");
    const main = pkg.exports["."] as { types: string; default: string };
    expect(main.types).toMatch(/^\.\/dist\/.*\.d\.ts$/);
    expect(main.default).toMatch(/^\.\/dist\/.*\.js$/);
    expect(existsSync(join(root, main.types))).toBe(true);
    expect(existsSync(join(root, main.default))).toBe(true);
  });

  it("works with import from plain Node", () => {
    const output = node([
      "--input-type=module",
      "-e",
      `import { validateUpdateRequest } from "conference-participants"; console.log(JSON.stringify(${probe}));`,
    ]);
    expect(JSON.parse(output)).toEqual({
      ok: false,
      errors: [
        { code: "invalid_enum", path: "HoldMethod", message: "must be one of GET, POST", expected: "one of GET, POST", received: '"PUT"' },
      ],
    });
  });

  it("works with require from plain Node", () => {
    const output = node([
      "-e",
      `const { validateUpdateRequest } = require("conference-participants"); console.log(JSON.stringify(${probe}));`,
    ]);
    expect(JSON.parse(output).errors[0].path).toBe("HoldMethod");
  });

  it("compiles no schema when imported: ajv's compiler is never loaded", () => {
    const output = node([
      "--input-type=module",
      "-e",
      `import "conference-participants"; import { createRequire } from "node:module"; console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
    ]);
    const loaded = JSON.parse(output) as string[];
    expect(loaded.filter((file) => /node_modules\/ajv\//.test(file))).toEqual([]);
  });
});
