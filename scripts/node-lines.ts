/**
 * `npm run test:lines [22|24|26 …]`: the tests again on each maintained Node line, beside the machine's own
 * Node that `npm test` uses. Each line's Node comes from the npm registry (`node-<platform>-<arch>`, which
 * ships the official binary), pinned below and installed once into .cache/node-lines/ (outside node_modules,
 * so it never shadows the project's `node`). On each line run the unit project (the client, validators,
 * contract, mock, MSW and in-process CLI tests) and the whole project's files in LINE_FILES (the CLI as a
 * process, the mock under 2,400 requests and a 50 MB body, conference-participants/msw from the packed
 * tarball with each msw of the peer range): about a minute a line on a 2-core machine. The rest of the whole
 * project (the browser, the tarball's consumers, other runtimes, SDK generators, linters: about 2 minutes)
 * runs on the machine's Node only, which keeps CI within 10 minutes. Needs dist/ (npm test builds it; CI runs
 * this after npm test).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Node lines tested, each at an exact version the registry has. */
const NODE_LINES: Readonly<Record<string, string>> = { "22": "22.23.5", "24": "24.22.3", "26": "26.12.1" };
/** The whole project's files that run on each line too. */
const LINE_FILES = ["test/cli-process.test.ts", "test/mock-reliability.test.ts", "test/mock-large-body.test.ts", "test/msw-peer.test.ts"];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".cache", "node-lines");
const binOf = (major: string) => join(cache, "node_modules", `node${major}`, "bin");
const seconds = (since: bigint) => (Number(process.hrtime.bigint() - since) / 1e9).toFixed(1);

/** Installs the lines' Node binaries into the cache, unless each is there at its pinned version. */
function install(majors: string[]): void {
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
  console.log(`node-lines: installed ${Object.values(NODE_LINES).join(", ")} (${binary}) in ${seconds(started)} s`);
}

/** Runs Vitest on one line's Node with `args`; that Node also comes first on PATH, for the processes tests start. */
function vitest(major: string, args: string[]): boolean {
  const bin = binOf(major);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` };
  const result = spawnSync(join(bin, "node"), [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...args], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return result.status === 0;
}

function main(): number {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((major) => !Object.hasOwn(NODE_LINES, major));
  if (unknown.length > 0) {
    console.error(`node-lines: no line ${unknown.join(", ")}; the lines are ${Object.keys(NODE_LINES).join(", ")}`);
    return 2;
  }
  const majors = asked.length > 0 ? asked : Object.keys(NODE_LINES);
  install(majors);
  const summary: string[] = [];
  for (const major of majors) {
    const version = NODE_LINES[major]!;
    console.log(`\nnode-lines: Node ${version}`);
    const started = process.hrtime.bigint();
    const unit = vitest(major, ["--project", "unit"]);
    const whole = vitest(major, ["--project", "whole", "--maxWorkers=2", ...LINE_FILES]);
    summary.push(
      `Node ${version}: ${unit && whole ? "passed" : "FAILED"} in ${seconds(started)} s (unit ${unit ? "passed" : "failed"}, ${LINE_FILES.length} whole files ${whole ? "passed" : "failed"})`,
    );
  }
  console.log(`\nnode-lines:\n${summary.join("\n")}`);
  return summary.every((line) => line.includes(": passed")) ? 0 : 1;
}

process.exitCode = main();
