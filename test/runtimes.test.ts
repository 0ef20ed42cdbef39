/**
 * The client and the validators run wherever fetch runs: the built package (dist/, through its exports)
 * under Bun and under Deno, both installed from npm as devDependencies, against the mock started here in
 * Node on 127.0.0.1.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/mock/index.js";
import { CLIENT_PROBE, expectProbeOutput, probeEnvironment } from "./helpers/client-probe.js";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, log: false });
});
afterAll(async () => {
  await mock.close();
});

async function run(command: string, args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: root,
    env: { ...process.env, ...probeEnvironment(mock.url) },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

describe("the built package in other runtimes", () => {
  it("runs under Bun", async () => {
    expectProbeOutput(await run(bin("bun"), [CLIENT_PROBE]), "bun");
  });

  it("runs under Deno, with network access to 127.0.0.1 only", async () => {
    const url = new URL(mock.url);
    const args = ["run", "--no-lock", `--allow-net=${url.host}`, "--allow-env", "--allow-read", CLIENT_PROBE];
    expectProbeOutput(await run(bin("deno"), args), "deno");
  });
});
