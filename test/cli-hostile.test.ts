/**
 * The CLI against hostile inputs and outputs: a closed stdout, devices, FIFOs, directories and oversized inputs, control
 * characters in field names, and I/O errors, each answered with one clear line and an exit code, never a
 * stack trace, a hang or unbounded memory.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess as cli, runCliWithStdin, spawnCli } from "./helpers/cli.js";
import { MAX_INPUT_BYTES } from "../src/node/bounded-read.js";
import { send } from "./helpers/http.js";

const scratch = mkdtempSync(join(tmpdir(), "cli-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe("a closed stdout", () => {
  it("validate-request writing to a closed pipe ends quietly with its exit code", async () => {
    const file = join(scratch, "many.form");
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => `Unknown${i}=x`).join("&"));
    const { child, exit } = spawnCli(["validate-request", "--provider", "signalwire", file]);
    child.stdout.destroy();
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });

  it("the mock keeps serving when its banner cannot be written, and stops with 0", async () => {
    const port = await freePort();
    const { child, exit } = spawnCli(["mock", "--port", String(port)]);
    child.stdout.destroy();
    let status = 0;
    for (let i = 0; i < 200 && status === 0; i++) {
      status = await send(`http://127.0.0.1:${port}`, { method: "GET", path: "/__admin/requests" }).then(
        (r) => r.status,
        () => new Promise<number>((done) => setTimeout(() => done(0), 50)),
      );
    }
    expect(status).toBe(200);
    child.kill("SIGTERM");
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("inputs: regular files or stdin, bounded", () => {
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

  it("standard input over the limit is refused", async () => {
    const { child, exit } = spawnCli(["validate-request", "--provider", "telnyx", "-"]);
    child.stdin.on("error", () => {});
    child.stdin.end(Buffer.alloc(MAX_INPUT_BYTES + 1024, "a"));
    const { code, stderr } = await exit;
    expect(code).toBe(2);
    expect(stderr).toBe(`conference-participants validate-request: cannot read standard input: larger than ${MAX_INPUT_BYTES} bytes\n`);
  });

  it("standard input that is a directory is refused, not read as an empty body", async () => {
    const { code, stdout, stderr } = await runCliWithStdin(["validate-request", "--provider", "telnyx", "-"], scratch);
    expect(stderr).toBe("conference-participants validate-request: cannot read standard input: it is a directory\n");
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });

  it("standard input that is a regular file is read", async () => {
    const file = join(scratch, "stdin.json");
    writeFileSync(file, '{"Muted":true}');
    const { code, stdout } = await runCliWithStdin(["validate-request", "--provider", "telnyx", "-"], file);
    expect(stdout).toBe("valid telnyx update request (JSON)\n");
    expect(code).toBe(0);
  });

  it("an I/O error prints one line naming the file and the reason in words, not the usage", async () => {
    const missing = join(scratch, "missing.json");
    const result = await cli(["validate-response", "--provider", "telnyx", missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`conference-participants validate-response: cannot read ${missing}: no such file or directory (ENOENT)\n`);
  });
});

describe("text output escapes what the input controls", () => {
  it("an ESC byte in a field name reaches the terminal as \\u001b, in names as in values", async () => {
    const file = join(scratch, "escape.form");
    writeFileSync(file, "%1B%5B31mRed%C2%9B=1&Muted=%1B%5D0%3Bx%07");
    const result = await cli(["validate-request", "--provider", "signalwire", file]);
    expect(result.code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain("\\u001b[31mRed\\u009b: is not a field of this body");
    expect(result.stdout).toContain(String.raw`Muted: must be true or false (received "\u001b]0;x\u0007")`);
  });
});
