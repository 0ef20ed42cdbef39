/**
 * Validators: `validateParticipant` against a hand-written type guard for the same schema (goal ≥ 0.5× the
 * guard's speed), and the cold start of importing the package and validating once against bare
 * `node -e 0` (goal ≤ 40 ms more). Both measured in the same run.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "../bench.js";
import { isRfc2822Date } from "../../src/contract/formats.js";
import { validateParticipant } from "../../src/contract/validate.js";
import { SEED_IDS } from "../../src/mock/defaults.js";
import { freshParticipant } from "../../src/mock/participants.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A valid SignalWire participant of the mock's default fixture (all 13 fields). */
const participant = freshParticipant("signalwire", {
  account: SEED_IDS.account,
  conference: SEED_IDS.conference,
  call: SEED_IDS.signalwireCalls[0],
});

// The baseline: what a careful hand-written guard for SignalWireParticipant checks (the same rules).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const URI = new RegExp(`^/api/laml/2010-04-01/Accounts/${HEX}/Conferences/${HEX}/Participants/${HEX}\\.json$`);
function isSignalWireParticipant(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
  const uuid = (v: unknown) => typeof v === "string" && UUID.test(v);
  const date = (v: unknown) => typeof v === "string" && isRfc2822Date(v);
  return (
    uuid(p.account_sid) &&
    uuid(p.call_sid) &&
    (p.call_sid_to_coach === null || uuid(p.call_sid_to_coach)) &&
    typeof p.coaching === "boolean" &&
    uuid(p.conference_sid) &&
    date(p.date_created) &&
    date(p.date_updated) &&
    typeof p.end_conference_on_exit === "boolean" &&
    typeof p.hold === "boolean" &&
    typeof p.muted === "boolean" &&
    typeof p.start_conference_on_enter === "boolean" &&
    (p.status === "in-progress" || p.status === "completed") &&
    typeof p.uri === "string" &&
    URI.test(p.uri)
  );
}

/** Calls per second of `fn`, the median of several timed rounds after a warm-up. */
function opsPerSecond(fn: () => boolean): number {
  const iterations = 200_000;
  for (let i = 0; i < iterations; i++) if (!fn()) throw new Error("the benchmark input must be valid");
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    rounds.push(iterations / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return rounds.sort((a, b) => a - b)[3]!;
}

/**
 * Median wall time, in ms, of running node with each of `variants`. The variants take turns within each
 * round, so a change in the machine's load during the run falls on all of them alike.
 */
function medianMs(variants: string[][], runs = 21): number[] {
  const times = variants.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    variants.forEach((args, v) => {
      const start = process.hrtime.bigint();
      execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
      times[v]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

export async function run(): Promise<BenchSection[]> {
  const guard = opsPerSecond(() => isSignalWireParticipant(participant));
  const validator = opsPerSecond(() => validateParticipant("signalwire", participant).ok);
  const ratio = validator / guard;

  const script = (module: string) =>
    `import { validateParticipant } from "./dist/src/${module}"; if (!validateParticipant("signalwire", ${JSON.stringify(participant)}).ok) process.exit(1);`;
  medianMs([["--input-type=module", "-e", script("index.js")]], 3);
  const [bare, validators, packageRoot] = medianMs([
    ["-e", "0"],
    ["--input-type=module", "-e", script("contract/validate.js")],
    ["--input-type=module", "-e", script("index.js")],
  ]) as [number, number, number];
  const extra = validators - bare;

  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  return [
    {
      title: "Validators: validateParticipant against a hand-written type guard",
      body: `A valid SignalWire participant (all 13 fields), checked in a loop: median of 7 rounds of 200,000 calls after a warm-up.

| | calls/s | ratio |
| --- | ---: | ---: |
| hand-written type guard (same rules: UUIDs, RFC 2822 dates, enum, uri pattern) | ${fmt(guard)} | 1.00× |
| \`validateParticipant("signalwire", p)\` (precompiled ajv) | ${fmt(validator)} | **${ratio.toFixed(2)}×** |

Goal: ≥ 0.5× the guard's speed. ${ratio >= 0.5 ? "Met." : "Not met."}`,
    },
    {
      title: "Validators: cold start",
      body: `Wall time of a fresh \`node\` process, median of 21 runs each, the three taking turns: importing the built validators and validating one participant, against \`node -e 0\`. The package root also loads the client (openapi-fetch); the mock's server code loads only when a mock starts.

| | median ms | more than bare node |
| --- | ---: | ---: |
| \`node -e 0\` | ${bare.toFixed(1)} | |
| import the validators (\`dist/src/contract/validate.js\`) + \`validateParticipant\` once | ${validators.toFixed(1)} | **${extra.toFixed(1)}** |
| import the package root (\`dist/src/index.js\`) + \`validateParticipant\` once | ${packageRoot.toFixed(1)} | ${(packageRoot - bare).toFixed(1)} |

Goal: the validators ≤ 40 ms more than bare node. ${extra <= 40 ? "Met." : "Not met."}`,
    },
  ];
}
