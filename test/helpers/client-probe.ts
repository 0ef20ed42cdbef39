/**
 * test/fixtures/package/client-probe.mjs, the client and validators as a consumer uses them: the environment
 * it reads (PROBE) for a mock at `url`, and what it must print.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { DEFAULT_CREDENTIALS, SEED_IDS } from "../../src/mock/defaults.js";

export const CLIENT_PROBE = join(import.meta.dirname, "..", "fixtures", "package", "client-probe.mjs");

export function probeEnvironment(url: string): { PROBE: string } {
  return {
    PROBE: JSON.stringify({
      url,
      projectId: DEFAULT_CREDENTIALS.projectId,
      apiToken: DEFAULT_CREDENTIALS.apiToken,
      telnyxApiKey: DEFAULT_CREDENTIALS.telnyxApiKey,
      account: SEED_IDS.account,
      conference: SEED_IDS.conference,
      signalwireCall: SEED_IDS.signalwireCalls[0],
      telnyxCall: SEED_IDS.telnyxCalls[0],
    }),
  };
}

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

/** validateUpdateRequest("signalwire", { HoldMethod: "PUT" }), as the probe prints it. */
export const PROBE_VALIDATION = {
  ok: false,
  errors: [expect.objectContaining({ path: "HoldMethod", expected: "one of GET, POST", received: '"PUT"' })],
};

/** What the probe must print when run by `runtime`: the same results everywhere, and a User-Agent naming the runtime. */
export function expectProbeOutput(output: unknown, runtime: "node" | "bun" | "deno"): void {
  expect(output).toEqual({
    validation: PROBE_VALIDATION,
    signalwire: { status: 200, muted: true },
    telnyx: { status: 200, hold: true },
    refused: { isRequestValidationError: true, paths: ["Mutd"] },
    userAgent: expect.stringMatching(new RegExp(`^conference-participants/${VERSION.replace(/\./g, "\\.")} ${runtime}/v?\\d+\\.\\d+`)),
  });
}
