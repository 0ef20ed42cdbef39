/**
 * The mock under load (autocannon, 50 connections, on 127.0.0.1), each server in its own process:
 * - throughput against its limit, a bare node:http server that reads the body and answers one fixed
 *   participant (`bare-http-server.mjs`), in interleaved rounds (goal ≥ `THROUGHPUT_GOAL`);
 * - against Stoplight Prism on the bundled spec, the tool people reach for instead;
 * - memory: RSS at start, during 60 s of load and after it (it must stay flat).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "../bench.js";
import { DEFAULT_CREDENTIALS, SEED_IDS } from "../../src/mock/core/defaults.js";
import { interleave, median, packageRoot, range, ratios, times } from "./stats.js";

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const root = fileURLToPath(packageRoot);
const pkg = JSON.parse(readFileSync(new URL("package.json", packageRoot), "utf8")) as { bin: Record<string, string> };
const BIN = fileURLToPath(new URL(Object.values(pkg.bin)[0]!, packageRoot));
const PATH = `/api/laml/2010-04-01/Accounts/${SEED_IDS.account}/Conferences/${SEED_IDS.conference}/Participants/${SEED_IDS.signalwireCalls[0]}`;
const HEADERS = {
  authorization: `Basic ${Buffer.from(`${DEFAULT_CREDENTIALS.projectId}:${DEFAULT_CREDENTIALS.apiToken}`).toString("base64")}`,
  "content-type": "application/x-www-form-urlencoded",
};
const BODY = "Muted=true&Hold=false";
/** The least throughput the mock keeps against the bare server (the median of rounds). */
const THROUGHPUT_GOAL = 0.75;
const CONNECTIONS = 50;
const ROUND_S = 3;
const ROUNDS = 4;
const MEMORY_S = 60;

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

interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server process and waits until it answers the benchmark request with a 200 (at most 60 s). */
async function start(command: string, args: (port: number) => string[]): Promise<Running> {
  const port = await freePort();
  const child = spawn(command, args(port), { cwd: root, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}${PATH}`, { method: "POST", headers: HEADERS, body: BODY });
      if (response.status === 200) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${url} did not become ready`);
}

const load = (url: string, duration: number) =>
  autocannon({ url: `${url}${PATH}`, method: "POST", headers: HEADERS, body: BODY, connections: CONNECTIONS, duration });

/** Resident set size of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? Number.NaN) / 1024;
}

/** The mock as a load test runs it: `--quiet`, without a line per request (60,000 lines a second to a terminal measure the terminal). */
const mockArgs = (port: number) => [BIN, "mock", "--port", String(port), "--quiet"];
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function throughput(): Promise<BenchSection> {
  const bare = await start(process.execPath, (port) => [
    fileURLToPath(new URL("scripts/bench/bare-http-server.mjs", packageRoot)),
    String(port),
  ]);
  const mock = await start(process.execPath, mockArgs);
  try {
    await load(bare.url, 1);
    await load(mock.url, 1);
    console.log(`throughput: ${ROUNDS} rounds of ${ROUND_S} s per server`);
    const rounds = await interleave({ bare: () => load(bare.url, ROUND_S), mock: () => load(mock.url, ROUND_S) }, ROUNDS);
    const rps = (list: AutocannonResult[]) => list.map((r) => r.requests.average);
    const ratio = ratios(rps(rounds.mock), rps(rounds.bare));
    const failures = [...rounds.bare, ...rounds.mock].reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    return {
      title: "Mock: throughput against a bare node:http server",
      body: `The same SignalWire update (\`POST …/Participants/{CallSid}\`, Basic auth, \`${BODY}\`) at ${CONNECTIONS} connections on 127.0.0.1 with autocannon (in the benchmark's process), each server in its own process (the mock as \`conference-participants mock --quiet\`), both running throughout: ${ROUNDS} rounds of ${ROUND_S} s per server, taking turns in a rotating order, after a 1 s warm-up each. The limit: a bare \`node:http\` server that reads the body and answers one fixed participant. The mock routes the path, checks the credentials, parses and validates the body against the contract, applies the update to its stored participant, answers that participant (its answer checked against the spec once each time it changes, then reused), and records the request in its journal. The update is the same every time, so after the first it changes nothing but, once a second, \`date_updated\`.

| server | requests/s (median of rounds) | per round | ratio (median) | range |
| --- | ---: | --- | ---: | ---: |
| bare \`node:http\` (limit) | ${fmt(median(rps(rounds.bare)))} | ${rps(rounds.bare).map(fmt).join(", ")} | 1.00× | |
| conference-participants mock | ${fmt(median(rps(rounds.mock)))} | ${rps(rounds.mock).map(fmt).join(", ")} | **${times(ratio.median)}** | ${range(ratio)} |

Non-2xx answers, errors and timeouts in all rounds: ${failures}. Goal ≥ ${THROUGHPUT_GOAL}×: ${ratio.median >= THROUGHPUT_GOAL ? "met" : "not met"}.`,
    };
  } finally {
    await bare.stop();
    await mock.stop();
  }
}

async function againstPrism(): Promise<BenchSection> {
  const mock = await start(process.execPath, mockArgs);
  const prism = await start(fileURLToPath(new URL("node_modules/.bin/prism", packageRoot)), (port) => [
    "mock",
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    fileURLToPath(new URL("generated/openapi.json", packageRoot)),
  ]);
  try {
    await load(prism.url, 1);
    await load(mock.url, 1);
    const rounds = await interleave({ prism: () => load(prism.url, ROUND_S), mock: () => load(mock.url, ROUND_S) }, 2);
    const ratio = ratios(
      rounds.mock.map((r) => r.requests.average),
      rounds.prism.map((r) => r.requests.average),
    );
    return {
      title: "Mock: throughput against Stoplight Prism",
      body: `The same request, 2 rounds of ${ROUND_S} s per server, in turns. Prism (\`prism mock generated/openapi.json\`, default options: request validation, static examples, request logging) answers from the spec's examples and keeps no state. The mock serves **${times(ratio.median)}** Prism's requests/s (range ${range(ratio)}; Prism ${fmt(median(rounds.prism.map((r) => r.requests.average)))} requests/s).`,
    };
  } finally {
    await mock.stop();
    await prism.stop();
  }
}

async function memory(): Promise<BenchSection> {
  const mock = await start(process.execPath, mockArgs);
  try {
    const pid = mock.child.pid!;
    const samples: [string, number][] = [["at start (after one request)", rssMiB(pid)]];
    console.log(`memory: ${MEMORY_S} s of load`);
    let served = 0;
    for (let second = 10; second <= MEMORY_S; second += 10) {
      const result = await load(mock.url, 10);
      served += result.requests.average * 10;
      samples.push([`after ${second} s of load`, rssMiB(pid)]);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    samples.push(["2 s after the load", rssMiB(pid)]);
    const during = samples.slice(2, -1).map(([, mib]) => mib);
    const growth = Math.max(...during) - Math.min(...during);
    return {
      title: "Mock: memory under load",
      body: `The mock's resident set size (\`VmRSS\`), one process, under ${MEMORY_S} s of the same load (${fmt(served)} requests: each one stored, journalled and answered; the journal keeps the latest 500).

| when | RSS MiB |
| --- | ---: |
${samples.map(([when, mib]) => `| ${when} | ${mib.toFixed(1)} |`).join("\n")}

From 20 s to the end of the load RSS moved by ${growth.toFixed(1)} MiB: ${growth < 16 ? "flat" : "not flat"}.`,
    };
  } finally {
    await mock.stop();
  }
}

export async function run(): Promise<BenchSection[]> {
  return [await throughput(), await againstPrism(), await memory()];
}
