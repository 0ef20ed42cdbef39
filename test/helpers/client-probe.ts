/**
 * test/fixtures/package/probe.mjs, the client and validators as a consumer uses them, run as a script
 * (client-probe.mjs) or a worker (worker.mjs): what it is given for a mock at `url`, and what it must report.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { CREDENTIALS as DEFAULT_CREDENTIALS, SEEDS as SEED_IDS } from "../fixtures/ids.js";

const fixtures = join(import.meta.dirname, "..", "fixtures", "package");
/** The probe's files: the probe, and the script and the worker that run it. */
export const PROBE_FILES = {
  probe: join(fixtures, "probe.mjs"),
  script: join(fixtures, "client-probe.mjs"),
  worker: join(fixtures, "worker.mjs"),
};

/** The probe's input (the script reads it from the PROBE environment variable, the worker from its request). */
export function probeInput(url: string): string {
  return JSON.stringify({
    url,
    projectId: DEFAULT_CREDENTIALS.projectId,
    apiToken: DEFAULT_CREDENTIALS.apiToken,
    telnyxApiKey: DEFAULT_CREDENTIALS.telnyxApiKey,
    account: SEED_IDS.account,
    conference: SEED_IDS.conference,
    signalwireCall: SEED_IDS.signalwireCalls[0],
    telnyxCall: SEED_IDS.telnyxCalls[0],
  });
}

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

/** validateUpdateRequest("signalwire", { HoldMethod: "PUT" }), as the probe prints it. */
export const PROBE_VALIDATION = {
  ok: false,
  errors: [expect.objectContaining({ path: "HoldMethod", expected: "one of GET, POST", received: '"PUT"' })],
};

/**
 * What the probe must report when run by `runtime`: the same results everywhere, and a User-Agent naming the
 * runtime (none in a worker, which has no `process`).
 */
export function expectProbeOutput(output: unknown, runtime: "node" | "bun" | "deno" | "workerd"): void {
  const runtimePart = runtime === "workerd" ? "" : ` ${runtime}/v?\\d+\\.\\d+.*`;
  expect(output).toEqual({
    validation: PROBE_VALIDATION,
    signalwire: { status: 200, muted: true },
    telnyx: { status: 200, hold: true },
    refused: { isRequestValidationError: true, paths: ["Mutd"] },
    userAgent: expect.stringMatching(new RegExp(`^conference-participants/${VERSION.replace(/\./g, "\\.")}${runtimePart}$`)),
  });
}
