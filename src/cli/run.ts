/** The CLI: a command name, its flags, and the exit code. Usage errors print the command's help, exit 2. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PACKAGE_NAME, PACKAGE_VERSION } from "../../generated/package.js";
import { printable } from "../contract/violations.js";
import { ConferenceParticipantsError } from "../errors/conference-participants-error.js";
import { UsageError } from "../errors/usage-error.js";
import { EXIT, type CliIo } from "./io.js";
import { CREDENTIAL_FLAGS, type MockFlags, mockCommand } from "./mock-command.js";
import { usage, type CommandName } from "./usage.js";
import { validateRequestCommand, validateResponseCommand } from "./validate-commands.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
const flag = { type: "boolean" } as const;
const value = { type: "string" } as const;

const commands: Record<
  CommandName,
  { options: Options; run(positionals: string[], values: Record<string, unknown>, io: CliIo): Promise<number> }
> = {
  "validate-request": {
    options: { provider: value, json: flag, help: flag },
    run: (positionals, values, io) => validateRequestCommand(positionals, values, io),
  },
  "validate-response": {
    options: { provider: value, strict: flag, status: value, json: flag, help: flag },
    run: (positionals, values, io) => validateResponseCommand(positionals, values, io),
  },
  mock: {
    options: {
      port: value,
      host: value,
      ...Object.fromEntries(CREDENTIAL_FLAGS.map(({ flag }) => [flag, value])),
      fixtures: value,
      fault: { type: "string", multiple: true },
      help: flag,
    },
    run: async (positionals, values, io) => {
      if (positionals.length > 0) throw new UsageError(`mock takes no arguments, got ${JSON.stringify(positionals[0])}`);
      return mockCommand(values as MockFlags, io);
    },
  },
};

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(commands, name);

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
    io.stderr(`conference-participants: unknown command ${JSON.stringify(name)}\n\n${usage.main}`);
    return EXIT.usage;
  }
  const command = commands[name];
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help === true) {
      io.stdout(usage[name]);
      return EXIT.valid;
    }
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (error) {
    // A wrong invocation gets the command's usage; an input that cannot be used (a file, the fixtures) one line.
    if (error instanceof UsageError) io.stderr(`conference-participants ${name}: ${printable(error.message)}\n\n${usage[name]}`);
    else if (error instanceof ConferenceParticipantsError) io.stderr(`conference-participants ${name}: ${printable(error.message)}\n`);
    else throw error;
    return EXIT.usage;
  }
}
