/**
 * `npm run test:lines [22|24|26 …]`: the tests again on each maintained Node line, beside the machine's own
 * Node that `npm test` uses (node-lines/binaries.ts pins each line's official binary and installs it from the
 * npm registry). On each line run the unit project (the client, validators, contract, mock, MSW and in-process
 * CLI tests) and the whole project's files in LINE_FILES (the CLI as a process, the mock under 2,400 requests
 * and a 50 MB body, conference-participants/msw from the packed tarball with each msw of the peer range):
 * about a minute a line on a 2-core machine. The rest of the whole project (the browser, the tarball's
 * consumers, other runtimes, SDK generators, linters: about 2 minutes) runs on the machine's Node only, which
 * keeps CI within 10 minutes. Needs dist/ (npm test builds it; CI runs this after npm test).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installNodeLines, NODE_LINES, nodeLineBin } from "./node-lines/binaries.js";

/** The whole project's files that run on each line too. */
const LINE_FILES = ["test/cli-process.test.ts", "test/mock-reliability.test.ts", "test/mock-large-body.test.ts", "test/msw-peer.test.ts"];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const seconds = (since: bigint) => (Number(process.hrtime.bigint() - since) / 1e9).toFixed(1);

/** Runs Vitest on one line's Node with `args`; that Node also comes first on PATH, for the processes tests start. */
function vitest(major: string, args: string[]): boolean {
  const bin = nodeLineBin(major);
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
  installNodeLines(majors);
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
