/** The README's quick start: examples/quick-start.ts, run as a newcomer runs it, against the mock. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useMockServer } from "./helpers/mock-server.js";

const root = join(import.meta.dirname, "..");
const mock = useMockServer();

describe("examples/quick-start.ts", () => {
  it("mutes and holds the participant through the built package and prints the new state", async () => {
    const { stdout } = await promisify(execFile)(join(root, "node_modules", ".bin", "tsx"), ["examples/quick-start.ts"], {
      cwd: root,
      env: { ...process.env, MOCK_URL: mock.url },
    });
    expect(stdout).toMatch(
      /^muted: true, on hold: true, updated (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000\n$/,
    );
  });
});
