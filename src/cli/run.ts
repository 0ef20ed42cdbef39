/**
 * The CLI: a command name, its flags, and the exit code. A wrong invocation is answered with one line saying
 * what is wrong, the command's usage line and where its help is, exit 2; an input that cannot be used (a file,
 * the fixtures, a port) with one line, exit 2.
 */
import { PACKAGE_NAME, PACKAGE_VERSION } from "../../generated/package.js";
import { closestName } from "../contract/closest-name.js";
import { printable } from "../contract/violations.js";
import { ConferenceParticipantsError } from "../errors/conference-participants-error.js";
import { UsageError } from "../errors/usage-error.js";
import { type Options, readArguments, unknownOption } from "./arguments.js";
import { quoted } from "./echo.js";
import { EXIT, type CliIo } from "./io.js";
import { CREDENTIAL_FLAGS, type MockFlags, mockCommand } from "./mock-command.js";
import { synopsis, usage, type CommandName } from "./usage.js";
import { validateRequestCommand, validateResponseCommand } from "./validate-commands.js";

const flag = { type: "boolean" } as const;
const value = { type: "string" } as const;
/** `--help`, or `-h` as the CLI itself takes it. */
const help = { type: "boolean", short: "h" } as const;

const commands: Record<
  CommandName,
  { options: Options; run(positionals: string[], values: Record<string, unknown>, io: CliIo): Promise<number> }
> = {
  "validate-request": {
    options: { provider: value, json: flag, help },
    run: (positionals, values, io) => validateRequestCommand(positionals, values, io),
  },
  "validate-response": {
    options: { provider: value, strict: flag, status: value, json: flag, help },
    run: (positionals, values, io) => validateResponseCommand(positionals, values, io),
  },
  mock: {
    options: {
      port: value,
      host: value,
      ...Object.fromEntries(CREDENTIAL_FLAGS.map(({ flag }) => [flag, value])),
      fixtures: value,
      fault: { type: "string", multiple: true },
      "allow-host": { type: "string", multiple: true },
      quiet: flag,
      help,
    },
    run: async (positionals, values, io) => {
      if (positionals.length > 0) throw new UsageError(`mock takes no arguments, got ${quoted(positionals[0]!)}`);
      return mockCommand(values as MockFlags, io);
    },
  },
};

const COMMAND_NAMES = Object.keys(commands) as CommandName[];
/** The options the CLI takes in place of a command. */
const MAIN_OPTIONS = ["help", "version"];

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** What a wrong invocation prints: the problem, the one usage line, and where the whole help is. */
function wrongInvocation(command: CommandName | "main", message: string): string {
  const [who, help, what] =
    command === "main"
      ? ["conference-participants", "conference-participants --help", "the commands"]
      : [`conference-participants ${command}`, `conference-participants ${command} --help`, "its options"];
  return `${who}: ${printable(message)}\nUsage: ${synopsis[command]}\nRun \`${help}\` for ${what}.\n`;
}

/** `unknown command "validate-reqest"; did you mean validate-request?`; `--verison` is an unknown option. */
function unknownCommand(name: string): string {
  if (name.startsWith("-")) return unknownOption(name, MAIN_OPTIONS).message;
  const guess = closestName(name, COMMAND_NAMES);
  return `unknown command ${quoted(name)}${guess === undefined ? "" : `; did you mean ${guess}?`}`;
}

async function runCommand(name: CommandName, args: readonly string[], io: CliIo): Promise<number> {
  const command = commands[name];
  try {
    const { positionals, values } = readArguments(args, command.options);
    if (values.help === true) {
      io.stdout(usage[name]);
      return EXIT.valid;
    }
    return await command.run(positionals, values, io);
  } catch (error) {
    if (error instanceof UsageError) io.stderr(wrongInvocation(name, error.message));
    else if (error instanceof ConferenceParticipantsError) io.stderr(`conference-participants ${name}: ${printable(error.message)}\n`);
    else throw error;
    return EXIT.usage;
  }
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(usage.main);
    return name === undefined ? EXIT.usage : EXIT.valid;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${PACKAGE_NAME} ${PACKAGE_VERSION}\n`);
    return EXIT.valid;
  }
  if (!isCommand(name)) {
    io.stderr(wrongInvocation("main", unknownCommand(name)));
    return EXIT.usage;
  }
  return runCommand(name, rest, io);
}
