/**
 * The maintained Node lines this project is tested on, beside the machine's own Node: each line's official
 * binary comes from the npm registry (`node-<platform>-<arch>`), pinned here and installed once into
 * .cache/node-lines/ (outside node_modules, so it never shadows the project's `node`). Used by
 * `npm run test:lines` and by tests that need a newer Node than the one running them (msw 3 needs 22.12).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Node lines tested, each at an exact version the registry has. */
export const NODE_LINES: Readonly<Record<string, string>> = { "22": "22.23.5", "24": "24.22.3", "26": "26.12.1" };

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cache = join(root, ".cache", "node-lines");

/** The folder holding one line's `node`, installed into the cache (with the others) unless it is there. */
export function nodeLineBin(major: string): string {
  installNodeLines([major]);
  return binOf(major);
}

const binOf = (major: string) => join(cache, "node_modules", `node${major}`, "bin");

/** Installs the lines' Node binaries into the cache, unless each of `majors` is there at its pinned version. */
export function installNodeLines(majors: string[]): void {
  const current = (major: string) => {
    const node = join(binOf(major), "node");
    return existsSync(node) && execFileSync(node, ["--version"], { encoding: "utf8" }).trim() === `v${NODE_LINES[major]}`;
  };
  if (majors.every(current)) return;
  const started = process.hrtime.bigint();
  const binary = `node-${process.platform}-${process.arch}`;
  const dependencies = Object.fromEntries(
    Object.entries(NODE_LINES).map(([major, version]) => [`node${major}`, `npm:${binary}@${version}`]),
  );
  mkdirSync(cache, { recursive: true });
  // A package.json of its own, so npm installs here and never into the project above.
  writeFileSync(join(cache, "package.json"), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  execFileSync("npm", ["install", "--prefix", cache, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
  const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  console.log(`node-lines: installed ${Object.values(NODE_LINES).join(", ")} (${binary}) in ${seconds} s`);
}
