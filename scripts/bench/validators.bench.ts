/**
 * Validators against their limits, in the same run: the built `validateParticipant` against a strict
 * hand-written guard to the same schema (goal ≥ 1.0× its speed), and the cold start of importing the
 * package and validating once against bare `node -e 0` (goal ≤ +15 ms).
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "../bench.js";
import { interleave, median, range, ratios, times } from "./stats.js";
import { SEED_IDS } from "../../src/mock/core/defaults.js";
import { freshParticipant } from "../../src/mock/core/participants.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A valid SignalWire participant of the mock's default fixture (all 13 fields). */
const participant = freshParticipant({
  provider: "signalwire",
  account: SEED_IDS.account,
  conference: SEED_IDS.conference,
  call: SEED_IDS.signalwireCalls[0],
});

// The limit: a strict guard for SignalWireParticipant, written by hand to every rule of the schema and for speed
// (closures made once, the RFC 2822 date checked with its own field regexp and the weekday computed, no Date).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const URI = new RegExp(`^/api/laml/2010-04-01/Accounts/${HEX}/Conferences/${HEX}/Participants/${HEX}\\.json$`);
const DATE =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) ([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60) [+-]\d\d[0-5]\d$/;
const DAYS = "SunMonTueWedThuFriSat";
const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
const uuid = (v: unknown) => typeof v === "string" && UUID.test(v);
function date(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const m = DATE.exec(v);
  if (m === null) return false;
  const day = +m[2]!;
  const month = MONTHS.indexOf(m[3]!) / 3;
  let year = +m[4]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > (month === 1 && leap ? 29 : LENGTHS[month]!)) return false;
  if (month < 2) year -= 1;
  const weekday = (((year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + OFFSETS[month]! + day) % 7) + 7) % 7;
  return DAYS.indexOf(m[1]!) / 3 === weekday;
}
/** The schema's status enum (SignalWire's values and Twilio's). */
function isStatus(v: unknown): boolean {
  return (
    v === "in-progress" ||
    v === "completed" ||
    v === "queued" ||
    v === "connecting" ||
    v === "ringing" ||
    v === "connected" ||
    v === "complete" ||
    v === "failed"
  );
}
function isSignalWireParticipant(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
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
    isStatus(p.status) &&
    typeof p.uri === "string" &&
    URI.test(p.uri)
  );
}

/** Calls per second of `fn` over one timed round of `ITERATIONS` calls. */
function opsPerSecond(fn: () => boolean): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) if (!fn()) throw new Error("the benchmark input must be valid");
  return ITERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

const ITERATIONS = 200_000;
const ROUNDS = 15;
const COLD_RUNS = 21;

function wallMs(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<BenchSection[]> {
  // The built package, by its name: what a consumer runs.
  const { validateParticipant } = await import("conference-participants");
  const guard = () => isSignalWireParticipant(participant);
  const validator = () => validateParticipant("signalwire", participant).ok;
  opsPerSecond(guard);
  opsPerSecond(validator);
  const speed = await interleave({ guard: () => opsPerSecond(guard), validator: () => opsPerSecond(validator) }, ROUNDS);
  const ratio = ratios(speed.validator, speed.guard);

  // The package imported by its name (through its exports, as a consumer does), and one participant validated.
  const script = `import { validateParticipant } from "conference-participants"; if (!validateParticipant("signalwire", ${JSON.stringify(participant)}).ok) process.exit(1);`;
  wallMs(["--input-type=module", "-e", script]);
  const cold = await interleave({ bare: () => wallMs(["-e", "0"]), root: () => wallMs(["--input-type=module", "-e", script]) }, COLD_RUNS);
  const extra = cold.root.map((ms, i) => ms - cold.bare[i]!).sort((a, b) => a - b);
  const quartile = (q: number) => extra[Math.floor((extra.length - 1) * q)]!;

  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  return [
    {
      title: "Validators: validateParticipant against a hand-written guard",
      body: `A valid SignalWire participant (all 13 fields), checked in a loop: ${ROUNDS} rounds of ${ITERATIONS.toLocaleString("en-US")} calls per variant, taking turns, after a warm-up. The limit: a strict hand-written guard to every rule of the schema (an object; the 13 required fields; UUIDs by regex; \`call_sid_to_coach\` a UUID or null; booleans; the status enum; both dates by the RFC 2822 check with the weekday; the \`uri\` pattern).

| | calls/s (median) | ratio (median) | range |
| --- | ---: | ---: | ---: |
| hand-written guard (limit) | ${fmt(median(speed.guard))} | 1.00× | |
| \`validateParticipant("signalwire", p)\` (precompiled ajv) | ${fmt(median(speed.validator))} | **${times(ratio.median)}** | ${range(ratio)} |

Goal ≥ 1.0×: ${ratio.median >= 1 ? "met" : "not met"}.`,
    },
    {
      title: "Cold start: import and one validation",
      body: `Wall time of a fresh \`node\` process, ${COLD_RUNS} runs of each, taking turns: \`import { validateParticipant } from "conference-participants"\` (the root entry, resolved through the package's exports) and one validation, against \`node -e 0\`.

| | median ms |
| --- | ---: |
| \`node -e 0\` (limit) | ${median(cold.bare).toFixed(1)} |
| import the package and validate once | ${median(cold.root).toFixed(1)} |
| difference, run by run: median (quartiles) | **+${median(extra).toFixed(1)}** (${quartile(0.25).toFixed(1)} to ${quartile(0.75).toFixed(1)}) |

Goal ≤ +15 ms: ${median(extra) <= 15 ? "met" : "not met"}.`,
    },
  ];
}
