/** The CLI for tests: in process (its exit code and output), or as a child process run from the sources with tsx. */
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/run.js";

const root = join(import.meta.dirname, "..", "..");

/** Runs the CLI in this process with `args` and `stdin`; resolves with its exit code and what it printed. */
export async function runCliInProcess(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: async () => stdin });
  return { code, stdout, stderr };
}

export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it has printed so far, stdout and stderr interleaved. */
  output(): string;
  /** What it has printed to stdout so far. */
  stdout(): string;
  /** Its exit code (or null when a signal ended it) and its stderr, once it has exited. */
  readonly exit: Promise<{ code: number | null; stderr: string }>;
}

/** Node's arguments that run the binary from the sources, then `args`. */
const binary = (args: string[]) => ["--import", "tsx", join(root, "src", "cli", "index.ts"), ...args];

/** The `conference-participants` binary as a child process, from the sources. */
export function spawnCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, binary(args), { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stderr })));
  return { child, output: () => output, stdout: () => stdout, exit };
}

/**
 * The binary with its standard input opened from `path` (a directory, a file, a device), as a shell's
 * `< path` gives it; resolves with its exit code and output once it has exited.
 */
export function runCliWithStdin(args: string[], path: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const stdin = openSync(path, "r");
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, binary(args), { cwd: root, stdio: [stdin, "pipe", "pipe"] });
  } finally {
    closeSync(stdin); // the child has its own copy
  }
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** `conference-participants mock` as a child process on a free port; resolves once it prints its address. */
export async function spawnMockCli(
  args: string[] = [],
): Promise<CliProcess & { url: string; stop(signal?: NodeJS.Signals): Promise<number | null> }> {
  const cli = spawnCli(["mock", "--port", "0", ...args]);
  let url: string | undefined;
  for (let i = 0; i < 400 && url === undefined; i++) {
    await new Promise((done) => setTimeout(done, 50));
    url = /listening on (http:\/\/\S+)/.exec(cli.output())?.[1];
  }
  if (url === undefined) {
    cli.child.kill();
    throw new Error(`the mock printed no address: ${cli.output()}`);
  }
  return {
    ...cli,
    url,
    stop: async (signal = "SIGTERM") => {
      cli.child.kill(signal);
      return (await cli.exit).code;
    },
  };
}
