/**
 * The client and the validators run wherever fetch runs: the built package (dist/, through its exports)
 * under Bun, under Deno and, bundled with esbuild as a Cloudflare Worker, in workerd (all three installed
 * from npm as devDependencies), against the mock started here in Node on 127.0.0.1.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { afterAll, describe, it } from "vitest";
import { useMockServer } from "./helpers/mock-server.js";
import { expectProbeOutput, PROBE_FILES, probeInput } from "./helpers/client-probe.js";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const scratch = mkdtempSync(join(tmpdir(), "runtimes-"));
const mock = useMockServer();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function runScript(command: string, args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: root,
    env: { ...process.env, PROBE: probeInput(mock.url) },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

/** A port no one listens on now (workerd takes its address from its config). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * workerd's config: the worker (worker.js, beside the config) on 127.0.0.1:`port`, its fetches allowed to
 * loopback addresses only.
 */
function workerdConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "probe", worker = .probe),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "probe")],
);
const probe :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`;
}

/** POSTs `body` to the worker once it listens (at most 100 tries to connect, 100 ms apart); its JSON answer. */
async function askWorker(url: string, body: string, workerd: ChildProcess): Promise<unknown> {
  let response: Response | undefined;
  for (let attempt = 0; attempt < 100 && response === undefined; attempt++) {
    if (workerd.exitCode !== null) throw new Error(`workerd exited with ${workerd.exitCode}`);
    response = await fetch(url, { method: "POST", body }).catch(() => sleep(100).then(() => undefined));
  }
  if (response === undefined) throw new Error("workerd did not listen");
  if (!response.ok) throw new Error(`the worker answered ${response.status}: ${await response.text()}`);
  return response.json();
}

describe("the built package in other runtimes", () => {
  it("runs under Bun", async () => {
    expectProbeOutput(await runScript(bin("bun"), [PROBE_FILES.script]), "bun");
  });

  it("runs under Deno, with network access to the mock only", async () => {
    const args = ["run", "--no-lock", `--allow-net=${new URL(mock.url).host}`, "--allow-env", "--allow-read", PROBE_FILES.script];
    expectProbeOutput(await runScript(bin("deno"), args), "deno");
  });

  it("runs as a Cloudflare Worker in workerd, bundled with esbuild for the workerd and worker conditions", async () => {
    const bundle = join(scratch, "worker.js");
    execFileSync(bin("esbuild"), [
      PROBE_FILES.worker,
      "--bundle",
      "--platform=neutral",
      "--conditions=workerd,worker",
      "--format=esm",
      `--outfile=${bundle}`,
      "--log-level=error",
    ]);
    const port = await freePort();
    const config = join(scratch, "config.capnp");
    writeFileSync(config, workerdConfig(port));
    const workerd = spawn(bin("workerd"), ["serve", config], { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    workerd.stderr!.on("data", (chunk: Buffer) => {
      errors = (errors + chunk.toString("utf8")).slice(-4000);
    });
    workerd.on("error", (error) => {
      errors += error.message;
    });
    try {
      const output = await askWorker(`http://127.0.0.1:${port}/`, probeInput(mock.url), workerd).catch((error: Error) => {
        throw new Error(`${error.message}; workerd said: ${errors}`);
      });
      expectProbeOutput(output, "workerd");
    } finally {
      if (workerd.exitCode === null) {
        const exited = new Promise((resolve) => workerd.once("exit", resolve));
        workerd.kill("SIGTERM");
        await exited;
      }
    }
  });
});
