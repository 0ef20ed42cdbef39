import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const generated = join(import.meta.dirname, "..", "generated");
const fresh = mkdtempSync(join(tmpdir(), "generated-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe("generated/", () => {
  it("is byte for byte what `npm run generate` writes, which prints each file and whether it changed", () => {
    // The run starts from a copy of the committed files with one changed and one missing, so its report has
    // each of its three outcomes.
    const committed = readdirSync(generated).sort();
    cpSync(generated, fresh, { recursive: true });
    appendFileSync(join(fresh, "package.ts"), "// edited\n");
    rmSync(join(fresh, "operations.ts"));
    const printed = execFileSync(join(import.meta.dirname, "..", "node_modules", ".bin", "tsx"), ["scripts/generate.ts", fresh], {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
      stdio: "pipe",
    });
    const outcome = (file: string) => ({ "operations.ts": "new", "package.ts": "changed" })[file] ?? "unchanged";
    expect(printed.split("\n").filter(Boolean).sort()).toEqual(committed.map((file) => `${join(fresh, file)} (${outcome(file)})`));
    expect(readdirSync(fresh).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(generated, file), "utf8"), `generated/${file} is stale: run npm run generate`).toBe(
        readFileSync(join(fresh, file), "utf8"),
      );
    }
  });

  it("leaves every request field optional (no default-non-nullable promotion)", () => {
    const types = readFileSync(join(generated, "types.ts"), "utf8");
    // The request is these fields and the coaching rule's two cases (a union in which the coaching case
    // requires Coaching and CallSidToCoach): every field of the fields themselves stays optional.
    for (const schema of ["SignalWireUpdateParticipantFields", "TelnyxUpdateParticipantFields", "TwilioUpdateParticipantFields"]) {
      const start = types.indexOf(`        ${schema}: {`);
      const body = types.slice(start, types.indexOf("\n        };", start));
      const fields = [...body.matchAll(/^ {12}(\w+)(\??):/gm)];
      expect(fields.length).toBeGreaterThanOrEqual(10);
      expect(fields.filter(([, , optional]) => optional !== "?").map(([, name]) => name)).toEqual([]);
    }
  });
});
