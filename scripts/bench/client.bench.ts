/**
 * The client's cost: per-call overhead of `updateParticipant` against raw `fetch` to the same local server
 * (2,000 sequential calls each), and the cold import of the package against bare `node -e 0`.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchSection } from "../bench.js";
import { builtModule } from "./built-module.js";

const CALLS = 2_000;
const BATCH = 20;
const RUNS = 7;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ids = {
  account: "b3877c40-da60-4998-90ad-b792e98472af",
  conference: "b3877c40-da60-4998-90ad-b792e98472cf",
  call: "b3877c40-da60-4998-90ad-b792e98472ca",
};
const participant = JSON.stringify({
  account_sid: ids.account,
  call_sid: ids.call,
  call_sid_to_coach: null,
  coaching: false,
  conference_sid: ids.conference,
  date_created: "Mon, 24 Sep 2018 21:00:00 +0000",
  date_updated: "Tue, 25 Sep 2018 20:00:00 +0000",
  end_conference_on_exit: false,
  muted: true,
  hold: false,
  start_conference_on_enter: true,
  status: "in-progress",
  uri: `/api/laml/2010-04-01/Accounts/${ids.account}/Conferences/${ids.conference}/Participants/${ids.call}.json`,
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Spent {
  wallMs: number;
  cpuMs: number;
}

/** One run: each variant's time over all its calls, and its time in each round of batches. */
interface Run<Name extends string> {
  total: Record<Name, Spent>;
  rounds: Record<Name, Spent>[];
}

/** Wall and CPU milliseconds (this process: the calls and the server answering them) for `count` sequential calls. */
async function timeCalls(call: () => Promise<unknown>, count: number): Promise<Spent> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await call();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * `CALLS` sequential calls of each variant, in rounds of one batch each, in a rotating order: each variant
 * runs in every position equally often, so load elsewhere on the machine, and whatever one variant leaves
 * behind for the next, falls on all alike.
 */
async function compare<Name extends string>(variants: Record<Name, () => Promise<unknown>>): Promise<Run<Name>> {
  const names = Object.keys(variants) as Name[];
  const total = Object.fromEntries(names.map((name) => [name, { wallMs: 0, cpuMs: 0 }])) as Record<Name, Spent>;
  const rounds: Record<Name, Spent>[] = [];
  for (const name of names) await timeCalls(variants[name], 300); // warm-up
  for (let batch = 0; batch < CALLS / BATCH; batch++) {
    const round = {} as Record<Name, Spent>;
    for (let i = 0; i < names.length; i++) {
      const name = names[(batch + i) % names.length]!;
      round[name] = await timeCalls(variants[name], BATCH);
      total[name].wallMs += round[name].wallMs;
      total[name].cpuMs += round[name].cpuMs;
    }
    rounds.push(round);
  }
  return { total, rounds };
}

/** `RUNS` comparisons one after the other: the spread of their ratios shows how far the machine moved them. */
async function compareRuns<Name extends string>(variants: Record<Name, () => Promise<unknown>>): Promise<Run<Name>[]> {
  const runs: Run<Name>[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await compare(variants));
  return runs;
}

/**
 * A run's ratio of a variant to raw fetch: the median over its rounds of the two batches' ratio. A pause that
 * falls on one batch (a garbage collection, the machine's other work) moves one round's ratio, not the run's.
 */
function runRatio(run: Run<string>, name: string, measure: keyof Spent): number {
  return median(run.rounds.map((round) => round[name]![measure] / round.raw![measure]));
}

function row(label: string, runs: Run<string>[], name: string): string {
  const wall = runs.map((run) => runRatio(run, name, "wallMs")).sort((a, b) => a - b);
  const cpu = runs.map((run) => runRatio(run, name, "cpuMs"));
  const perCall = median(runs.map((run) => (run.total[name]!.wallMs / CALLS) * 1000));
  return `| ${label} | ${perCall.toFixed(1)} µs | ${median(wall).toFixed(2)}× | ${wall[0]!.toFixed(2)}–${wall[wall.length - 1]!.toFixed(2)}× | ${median(cpu).toFixed(2)}× |`;
}

async function perCallOverhead(): Promise<BenchSection> {
  // The package as it ships (dist/, built by `npm run bench` before it runs), as its users call it.
  const { createSignalWireClient } = await import("conference-participants");
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(participant);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = `/api/laml/2010-04-01/Accounts/${ids.account}/Conferences/${ids.conference}/Participants/${ids.call}`;
  const headers = {
    Authorization: `Basic ${Buffer.from(`${ids.account}:PT-bench-token`).toString("base64")}`,
    Accept: "application/json",
    "Content-Type": "application/x-www-form-urlencoded",
    "User-Agent": "bench",
  };
  const raw = async () => {
    const response = await fetch(`${origin}${path}`, { method: "POST", headers, body: "Muted=true" });
    return response.json();
  };
  const options = { space: "example", projectId: ids.account, apiToken: "PT-bench-token", baseUrl: origin };
  const client = createSignalWireClient(options);
  const validating = createSignalWireClient({ ...options, validateResponses: true });
  const viaClient = () => client.updateParticipant({ conferenceSid: ids.conference, callSid: ids.call, body: { Muted: true } });
  const viaValidating = () => validating.updateParticipant({ conferenceSid: ids.conference, callSid: ids.call, body: { Muted: true } });
  const viaFetchClient = () =>
    client.fetchClient.POST("/api/laml/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}", {
      params: { path: { AccountSid: ids.account, ConferenceSid: ids.conference, CallSid: ids.call } },
      body: { Muted: true },
    });

  const main = await compareRuns({ raw, client: viaClient, validating: viaValidating });
  // Plain openapi-fetch leaves work behind (its stream bodies) that slows whatever runs next: measured apart.
  const plain = await compareRuns({ raw, fetchClient: viaFetchClient });
  server.closeAllConnections();
  server.close();

  const ratio = median(main.map((run) => runRatio(run, "client", "wallMs")));
  return {
    title: "Client: per-call overhead",
    body: [
      `${CALLS.toLocaleString("en")} sequential POSTs of \`Muted=true\` to a local server (127.0.0.1, keep-alive) answering a 13-field participant,`,
      `in rounds of one batch of ${BATCH} per variant, in a rotating order, after a warm-up; the client is the built package (\`dist/\`).`,
      "Baseline: raw `fetch` with the same headers and body, then `response.json()`. A run's ratio is the median over its rounds",
      `of the two batches' ratio; ${RUNS} such runs one after the other: the median of their ratios, and their range. CPU: this`,
      "process's CPU time (client and server alike), in the same way.",
      "",
      "| calls | wall per call | wall ratio | range over runs | CPU ratio |",
      "| --- | --- | --- | --- | --- |",
      row("raw `fetch` (baseline)", main, "raw"),
      row("`updateParticipant`", main, "client"),
      row("`updateParticipant`, `validateResponses: true`", main, "validating"),
      "",
      "Measured apart, with its own baseline in the same way:",
      "",
      "| calls | wall per call | wall ratio | range over runs | CPU ratio |",
      "| --- | --- | --- | --- | --- |",
      row("raw `fetch` (baseline)", plain, "raw"),
      row("`client.fetchClient.POST` (plain openapi-fetch, no checks)", plain, "fetchClient"),
      "",
      `Goal ≤ 1.05× (median wall ratio): ${ratio <= 1.05 ? "met" : "not met"} (${ratio.toFixed(2)}×). Plain openapi-fetch hands fetch a \`Request\`, whose body`,
      "undici sends as a stream, and builds each request anew (headers merged, path template filled); `updateParticipant` calls",
      "`fetch` itself with the form string, headers made once and a path template split once. What remains is its own checks",
      "(arguments, ids, the contract) and reading the body as text before parsing it, so a non-JSON body can still be reported.",
    ].join("\n"),
  };
}

function coldStart(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function coldImport(): BenchSection {
  const entry = pathToFileURL(join(root, "dist", "index.js")).href;
  const client = pathToFileURL(builtModule("client/index.ts")).href;
  const runs = { bare: [] as number[], entry: [] as number[], client: [] as number[] };
  const RUNS = 15;
  for (let i = 0; i < RUNS; i++) {
    runs.bare.push(coldStart(["-e", "0"]));
    runs.entry.push(coldStart(["--input-type=module", "-e", `await import(${JSON.stringify(entry)})`]));
    runs.client.push(coldStart(["--input-type=module", "-e", `await import(${JSON.stringify(client)})`]));
  }
  const bare = median(runs.bare);
  const row = (name: string, values: number[]) =>
    `| ${name} | ${median(values).toFixed(1)} ms | +${(median(values) - bare).toFixed(1)} ms | ${(median(values) / bare).toFixed(2)}× |`;
  return {
    title: "Client: cold import",
    body: [
      `A fresh \`node\` process each time, ${RUNS} interleaved runs, the median of each (built package, \`dist/\`).`,
      "",
      "| process | wall time | over bare node | ratio |",
      "| --- | --- | --- | --- |",
      `| \`node -e 0\` (baseline) | ${bare.toFixed(1)} ms | | 1.00× |`,
      row("`import('conference-participants')` (package root)", runs.entry),
      row("`import()` of `src/client/index.ts` built on its own (the client alone)", runs.client),
    ].join("\n"),
  };
}

export async function run(): Promise<BenchSection[]> {
  return [await perCallOverhead(), coldImport()];
}
