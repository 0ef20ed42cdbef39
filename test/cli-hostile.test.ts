/**
 * The CLI against hostile inputs and outputs, in process: devices, FIFOs and oversized files, control,
 * bidirectional and invisible characters in what it prints, arguments of any length echoed in errors, and I/O
 * errors, each answered with one clear line and an exit code, never a stack trace, a hang or unbounded memory.
 * What needs the binary as a process (a closed stdout, standard input as a pipe, a directory or a file) is in
 * cli-process.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_ECHOED } from "../src/cli/echo.js";
import { runCliInProcess as cli } from "./helpers/cli.js";
import { MAX_INPUT_BYTES } from "../src/node/bounded-read.js";

const scratch = mkdtempSync(join(tmpdir(), "cli-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("inputs: regular files, bounded", () => {
  it.each([
    ["validate-request", ["validate-request", "--provider", "telnyx", "/dev/zero"], "cannot read /dev/zero: not a regular file"],
    ["mock --fixtures", ["mock", "--port", "0", "--fixtures", "/dev/zero"], "cannot read fixtures file /dev/zero: not a regular file"],
  ])("%s /dev/zero exits 2 with one line", async (_, args, line) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`conference-participants ${args[0]}: ${line}\n`);
  });

  it("a FIFO with no writer is refused at once, not waited on", async () => {
    const fifo = join(scratch, "fifo");
    execFileSync("mkfifo", [fifo]);
    const result = await cli(["validate-response", "--provider", "telnyx", fifo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`conference-participants validate-response: cannot read ${fifo}: not a regular file\n`);
  });

  it("a file over the limit is refused without being read whole", async () => {
    const file = join(scratch, "big.form");
    writeFileSync(file, Buffer.alloc(MAX_INPUT_BYTES + 1, "a"));
    const result = await cli(["validate-request", "--provider", "telnyx", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`conference-participants validate-request: cannot read ${file}: larger than ${MAX_INPUT_BYTES} bytes\n`);
  });

  it("an I/O error prints one line naming the file and the reason in words, not the usage", async () => {
    const missing = join(scratch, "missing.json");
    const result = await cli(["validate-response", "--provider", "telnyx", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`conference-participants validate-response: cannot read ${missing}: no such file or directory (ENOENT)\n`);
  });
});

/**
 * What must never reach a terminal from the input: C0 and C1 controls (but the CLI's own line breaks),
 * bidirectional and zero-width characters, line and paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

describe("text output escapes what the input controls", () => {
  it.each([
    [
      "an ESC byte in a field name reaches the terminal as \\u001b, in names as in values",
      "%1B%5B31mRed%C2%9B=1&Muted=%1B%5D0%3Bx%07",
      ["\\u001b[31mRed\\u009b: is not a field of this body", String.raw`Muted: must be true or false (received "\u001b]0;x\u0007")`],
    ],
    [
      "bidirectional and zero-width characters, in names as in values",
      "%E2%80%AEdetuM=1&Muted=%E2%80%8Btrue&Hold=%E2%81%A6x",
      [
        String.raw`\u202edetuM: is not a field of this body`,
        String.raw`Muted: must be true or false (received "\u200btrue")`,
        String.raw`Hold: must be true or false (received "\u2066x")`,
      ],
    ],
  ])("%s", async (_name, form, lines) => {
    const file = join(scratch, "escape.form");
    writeFileSync(file, form);
    const result = await cli(["validate-request", "--provider", "signalwire", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW);
    for (const line of lines) expect(result.stdout).toContain(line);
  });

  it("--json output is escaped and stays JSON of the same result", async () => {
    const body = '{"Mu\u200bted":true,"CallSidToCoach":"\u202e\u009b"}';
    const result = await cli(["validate-request", "--provider", "telnyx", "--json", "-"], body);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: "unknown_field", path: "Mu\u200bted", expected: "Muted" })],
    });
  });

  it("the JSON parser's words, which quote the input, are escaped", async () => {
    const result = await cli(["validate-request", "--provider", "telnyx", "-"], '{"Muted":\u202e}');
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).toContain(String.raw`body: is not valid JSON (Unexpected token '\u202e'`);
  });

  it("a lone surrogate in a JSON body is invalid_encoding, shown as its escape", async () => {
    const result = await cli(["validate-request", "--provider", "telnyx", "-"], '{"CallSidToCoach":"\\ud800"}');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'invalid telnyx update request (JSON):\n  CallSidToCoach: must be well-formed Unicode (it has a lone surrogate) (received "\\ud800")\n',
    );
  });
});

describe("arguments echoed in errors: cut to a bounded length, escaped", () => {
  const long = (head: string) => `${head}${"x".repeat(5_000)}`;
  /** What a message shows of an argument: its first MAX_ECHOED characters and an ellipsis, escaped. */
  const cutTo = (text: string) => `${text.slice(0, MAX_ECHOED)}…`.replaceAll("\u202e", "\\u202e").replaceAll("\u001b", "\\u001b");

  it.each([
    ["--port", ["mock", "--port", long("1\u202e")], `--port must be a number from 0 to 65535, not "${cutTo(long("1\u202e"))}"`],
    [
      "--provider",
      ["validate-request", "--provider", long("\u202e"), "-"],
      `--provider must be one of signalwire, telnyx, twilio, not "${cutTo(long("\u202e"))}"`,
    ],
    [
      "--status",
      ["validate-response", "--provider", "telnyx", "--status", long("2"), "-"],
      `--status must be an HTTP status such as 200 or 404, not "${cutTo(long("2"))}"`,
    ],
    ["an unknown command", [long("\u001b]0;")], `unknown command "${cutTo(long("\u001b]0;"))}"`, "conference-participants"],
    ["an unknown option", ["validate-request", long("--\u202e")], `unknown option ${cutTo(long("--\u202e"))}`],
    [
      "a flag's value",
      ["validate-request", `--json=${long("\u202e")}`],
      `option --json is a flag and takes no value (given "${cutTo(long("\u202e"))}")`,
    ],
    ["mock's argument", ["mock", long("\u202e")], `mock takes no arguments, got "${cutTo(long("\u202e"))}"`],
  ])("%s", async (_name, args, line, who = `conference-participants ${args[0]}`) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`${who}: ${line}`);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr.length).toBeLessThan(1_000);
  });

  it("an option's name close to a known one still gets its 'did you mean', escaped", async () => {
    const result = await cli(["validate-request", "--pro\u202evider", "telnyx", "-"]);
    expect(result.stderr.split("\n")[0]).toBe(
      String.raw`conference-participants validate-request: unknown option --pro\u202evider; did you mean --provider?`,
    );
  });

  it("a --fault: cut, and what is wrong in it still said", async () => {
    const fault = `{"status":503,"provider":"\u202e${"x".repeat(5_000)}"}`;
    const result = await cli(["mock", "--port", "0", "--fault", fault]);
    expect(result.code).toBe(2);
    const line = result.stderr.split("\n")[0]!;
    expect(line).toMatch(
      /^conference-participants mock: --fault "\{\\"status\\":503,\\"provider\\":\\"\\u202ex+…": not a fault: provider: /,
    );
    expect(line).not.toMatch(RAW);
    expect(result.stderr.length).toBeLessThan(1_000);
  });

  it.each([
    ["a FILE", ["validate-request", "--provider", "telnyx"], ""],
    ["a fixtures file", ["mock", "--port", "0", "--fixtures"], "fixtures file "],
  ])("%s's name: cut and escaped where it cannot be read", async (_name, args, what) => {
    const missing = join(scratch, `\u202e${"a".repeat(200)}.json`);
    const result = await cli([...args, missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `conference-participants ${args[0]}: cannot read ${what}${cutTo(missing)}: no such file or directory (ENOENT)\n`,
    );
  });
});
