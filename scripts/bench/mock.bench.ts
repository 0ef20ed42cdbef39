/**
 * Mock throughput: requests/s and p99 latency at 50 connections for 5 s on 127.0.0.1 (autocannon), the
 * mock (`conference-participants mock`) side by side with Stoplight Prism (`prism mock` on the bundled
 * spec) in the same run. Each server runs in its own process; autocannon runs in this one. Goal: ≥ 10×
 * Prism's requests/s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "../bench.js";

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ACCOUNT = "b3877c40-da60-4998-90ad-b792e98472af";
const PATH = `/api/laml/2010-04-01/Accounts/${ACCOUNT}/Conferences/b3877c40-da60-4998-90ad-b792e98472cf/Participants/b3877c40-da60-4998-90ad-b792e98472ca`;
const HEADERS = {
  authorization: `Basic ${Buffer.from(`${ACCOUNT}:PTmock-signalwire-api-token`).toString("base64")}`,
  "content-type": "application/x-www-form-urlencoded",
};
const BODY = "Muted=true&Hold=false";
const CONNECTIONS = 50;
const DURATION_S = 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers the benchmark request with a 200 (at most 60 s). */
async function ready(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}${PATH}`, { method: "POST", headers: HEADERS, body: BODY });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready`);
}

async function measure(name: string, command: string, args: string[], port: number): Promise<AutocannonResult> {
  const child = spawn(command, args, { cwd: root, stdio: "ignore" });
  try {
    const url = `http://127.0.0.1:${port}`;
    await ready(url, child);
    const request = { url: `${url}${PATH}`, method: "POST", headers: HEADERS, body: BODY };
    await autocannon({ ...request, connections: CONNECTIONS, duration: 1 });
    console.log(`${name}: ${CONNECTIONS} connections for ${DURATION_S} s`);
    return await autocannon({ ...request, connections: CONNECTIONS, duration: DURATION_S });
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
  }
}

export async function run(): Promise<BenchSection[]> {
  const mockPort = await freePort();
  const mock = await measure("mock", process.execPath, [join(root, "dist", "src", "cli.js"), "mock", "--port", String(mockPort)], mockPort);
  const prismPort = await freePort();
  const prism = await measure(
    "prism",
    join(root, "node_modules", ".bin", "prism"),
    ["mock", "--host", "127.0.0.1", "--port", String(prismPort), join(root, "generated", "openapi.json")],
    prismPort,
  );
  const ratio = mock.requests.average / prism.requests.average;
  const row = (label: string, r: AutocannonResult) =>
    `| ${label} | ${Math.round(r.requests.average).toLocaleString("en-US")} | ${r.latency.average.toFixed(2)} | ${r.latency.p99} | ${r.non2xx} | ${r.errors + r.timeouts} |`;
  return [
    {
      title: "Mock server throughput against Stoplight Prism",
      body: `The same SignalWire update (\`POST ${PATH.replace(ACCOUNT, "{AccountSid}")}\`, Basic auth, \`${BODY}\`) at ${CONNECTIONS} connections for ${DURATION_S} s on 127.0.0.1 with autocannon, after a 1 s warm-up; each server in its own process, one after the other in the same run. The mock checks the credentials, validates the body with the contract and updates its stored participant on every request; Prism (\`prism mock generated/openapi.json\`, default options: request validation, static examples, request logging) answers from the spec's examples. Prism ignores the operations' \`servers\`, so it serves Telnyx at \`/texml/…\` rather than \`/v2/texml/…\`; the SignalWire path is the same on both.

| server | requests/s | mean latency ms | p99 latency ms | non-2xx | errors |
| --- | ---: | ---: | ---: | ---: | ---: |
${row("Prism (baseline)", prism)}
${row("conference-participants mock", mock)}

Ratio: the mock serves **${ratio.toFixed(1)}×** Prism's requests/s. Goal: ≥ 10×. ${ratio >= 10 ? "Met." : "Not met."}`,
    },
  ];
}
