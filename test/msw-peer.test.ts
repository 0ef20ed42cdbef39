/**
 * conference-participants/msw as a consumer installs it: the packed tarball in a scratch project beside each
 * msw the peer range names (package.json's peerDependencies, one install per `||` part) and Twilio's official
 * Node SDK, then test/fixtures/package/msw-probe.mjs run there, through the ES
 * module builds and through the CommonJS ones: by the Node running this test where that msw's engines admit it,
 * else by the oldest maintained line that does (msw 3 needs Node 22.12; scripts/node-lines/binaries.ts). MSW's setupServer with the package's handlers serves this
 * package's client on the providers' real hosts (no baseUrl), plain fetch with the contract's 422, Twilio's
 * SDK, a fault and the journal, and opens no port. test/msw.test.ts proves the same from the sources with the
 * msw of devDependencies; `scripts/node-lines.ts` runs this file on each Node line as well.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { satisfies } from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_LINES, nodeLineBin } from "../scripts/node-lines/binaries.js";
import { CREDENTIALS, SEEDS } from "./fixtures/ids.js";

const root = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Each part of the peer range on its own, as a consumer may install it: "^2.13.0 || ^3.0.0" is two. */
const mswRanges = manifest.peerDependencies.msw!.split("||").map((range) => range.trim());
const probe = join(import.meta.dirname, "fixtures", "package", "msw-probe.mjs");
const scratch = mkdtempSync(join(tmpdir(), "msw-peer-"));
const consumerOf = (range: string) => join(scratch, `msw-${mswRanges.indexOf(range)}`);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
}

beforeAll(() => {
  expect(existsSync(join(root, "dist", "msw", "index.js")), "dist/ is missing: run npm run build first").toBe(true);
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch], root);
  const tarball = join(scratch, `${manifest.name}-${manifest.version}.tgz`);
  for (const range of mswRanges) {
    const consumer = consumerOf(range);
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    const packages = [tarball, `msw@${range}`, `twilio@${manifest.devDependencies.twilio}`];
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...packages], consumer);
    copyFileSync(probe, join(consumer, "msw-probe.mjs"));
  }
}, 360_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The Node to run the probe beside one msw: this test's, or the oldest maintained line its engines admit. */
function nodeFor(range: string): { node: string; version: string } {
  const msw = JSON.parse(readFileSync(join(consumerOf(range), "node_modules", "msw", "package.json"), "utf8")) as {
    engines?: { node?: string };
  };
  const engines = msw.engines?.node ?? "*";
  if (satisfies(process.version, engines)) return { node: process.execPath, version: process.version };
  const line = Object.keys(NODE_LINES).find((major) => satisfies(NODE_LINES[major]!, engines));
  if (line === undefined) throw new Error(`no tested Node line runs msw ${range} (engines ${engines})`);
  return { node: join(nodeLineBin(line), "node"), version: `v${NODE_LINES[line]}` };
}

describe.each(mswRanges)(`${manifest.name}/msw from the tarball with msw %s`, (range) => {
  it.each(["import", "require"])("serves the client, fetch and Twilio's SDK through MSW (%s)", (load) => {
    const input = JSON.stringify({ ...CREDENTIALS, ...SEEDS });
    const { node, version } = nodeFor(range);
    const output = JSON.parse(run(node, ["msw-probe.mjs"], consumerOf(range), { PROBE: input, LOAD: load }));
    const major = /^\^(\d+)\./.exec(range)?.[1];
    expect(output).toEqual({
      msw: expect.stringMatching(new RegExp(`^${major}\\.`)),
      node: version,
      client: [true, true, true],
      fetch: { status: 422, message: expect.stringContaining("CallSidToCoach: is required when Coaching is true") },
      sdk: { muted: true, alone: expect.objectContaining({ status: 422, code: 20422 }) },
      fault: 503,
      journal: [
        ["signalwire", 200],
        ["telnyx", 200],
        ["twilio", 200],
        ["signalwire", 422],
        ["twilio", 200],
        ["twilio", 422],
        ["signalwire", 503],
      ],
      portsOpened: 0,
      afterClose: "ClientOptionsError",
    });
  });
});
