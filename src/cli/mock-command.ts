/** `mock`: runs the mock API until SIGINT or SIGTERM, then closes it and exits 0. */
import { CREDENTIAL_DESCRIPTIONS, credentialFlag, DEFAULT_CREDENTIALS } from "../mock/core/defaults.js";
import { type Fixtures, startMockServer, type MockServerOptions } from "../mock/index.js";
import { FixtureError } from "../errors/fixture-error.js";
import { UsageError } from "../errors/usage-error.js";
import { readRegularFile } from "../node/bounded-read.js";
import type { CliIo } from "./io.js";
import { parseJson, parseJsonObject } from "../contract/json-body.js";
import { formatViolation } from "../contract/violations.js";
import { printableLines, quoted, shown } from "./echo.js";
import { ListenError } from "./listen-error.js";

type CredentialName = keyof typeof DEFAULT_CREDENTIALS;

/** Each credential flag, with the option it sets and what it is: one per built-in test credential. */
export const CREDENTIAL_FLAGS = (Object.keys(DEFAULT_CREDENTIALS) as CredentialName[]).map((option) => ({
  flag: credentialFlag(option),
  option,
  description: CREDENTIAL_DESCRIPTIONS[option],
}));

export interface MockFlags {
  port?: string;
  host?: string;
  fixtures?: string;
  /** Faults to set at start, each a JSON object as `POST /__admin/faults` takes it. */
  fault?: string[];
  /** Host names to answer on beside loopback ones. */
  "allow-host"?: string[];
  /** No line per request. */
  quiet?: boolean;
  /** The credential flags, by flag name. */
  [credentialFlag: string]: string | string[] | boolean | undefined;
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${quoted(value)}`);
  return port;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === "") throw new UsageError(`--${flag} must not be empty`);
  return value;
}

/** Why the mock cannot listen, in words, and what to try, by the listen error's code. */
const LISTEN_FAILURES: Readonly<Record<string, string>> = {
  EADDRINUSE: "the port is in use (EADDRINUSE); try --port 0",
  EACCES: "permission denied (EACCES); try a port above 1023, or --port 0",
  EADDRNOTAVAIL: "the address is not one of this machine's (EADDRNOTAVAIL); try --host 127.0.0.1",
  ENOTFOUND: "the host name was not found (ENOTFOUND); try --host 127.0.0.1",
};

/** `cannot listen on 127.0.0.1:4010: the port is in use (EADDRINUSE); try --port 0`, or undefined for another error. */
function listenFailure(error: unknown, host = "127.0.0.1", port = 4010): ListenError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !Object.hasOwn(LISTEN_FAILURES, code)) return undefined;
  const address = host.includes(":") ? `[${shown(host)}]:${port}` : `${shown(host)}:${port}`;
  return new ListenError(`cannot listen on ${address}: ${LISTEN_FAILURES[code]}`);
}

/**
 * The fixtures file, read here rather than by the mock so that a message naming it names it as every argument
 * is echoed (cut and escaped); the mock then checks the fixtures themselves.
 */
function readFixturesFile(file: string): Fixtures {
  const name = `fixtures file ${shown(file)}`;
  const parsed = parseJson(readRegularFile(file, name));
  if (!parsed.ok) throw new FixtureError(`${name} is not JSON`, parsed.errors);
  return parsed.value as Fixtures;
}

/** Starts the mock; resolves with the exit code once a signal has stopped it. */
export async function mockCommand(flags: MockFlags, io: CliIo, signals: NodeJS.EventEmitter = process): Promise<number> {
  const options: MockServerOptions = { log: (text) => io.stdout(`${printableLines(text)}\n`) };
  const port = portOf(flags.port);
  if (port !== undefined) options.port = port;
  const host = nonEmpty("host", flags.host);
  if (host !== undefined) options.host = host;
  for (const { flag, option } of CREDENTIAL_FLAGS) {
    const value = nonEmpty(flag, flags[flag] as string | undefined);
    if (value !== undefined) options[option] = value;
  }
  const allowed = flags["allow-host"] ?? [];
  for (const name of allowed) nonEmpty("allow-host", name);
  if (allowed.length > 0) options.allowedHosts = allowed;
  if (flags.quiet === true) options.logRequests = false;
  const fixtures = nonEmpty("fixtures", flags.fixtures);
  if (fixtures !== undefined) options.fixtures = readFixturesFile(fixtures);
  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer(options);
  } catch (error) {
    throw listenFailure(error, options.host, options.port) ?? error;
  }
  const running = server;
  for (const text of flags.fault ?? []) {
    const parsed = parseJsonObject(text);
    try {
      if (!parsed.ok) throw new TypeError(`not a JSON object: ${parsed.errors.map(formatViolation).join("; ")}`);
      running.addFault(parsed.value);
    } catch (error) {
      await running.close();
      throw new UsageError(`--fault ${quoted(text)}: ${(error as Error).message}`);
    }
  }
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      signals.off("SIGINT", onInt);
      signals.off("SIGTERM", onTerm);
      io.stdout(`\n${signal}: stopping the mock API\n`);
      void running.close().then(() => resolve(0));
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    signals.on("SIGINT", onInt);
    signals.on("SIGTERM", onTerm);
  });
}
