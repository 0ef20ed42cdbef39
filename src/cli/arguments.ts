/**
 * A command's arguments read with node:util's parseArgs, then checked here, so that a wrong option is
 * answered in the CLI's words ("unknown option --provder; did you mean --provider?") rather than the
 * parser's, and each argument repeated in a message is cut and escaped.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestName } from "../contract/closest-name.js";
import { UsageError } from "../errors/usage-error.js";
import { quoted, shown } from "./echo.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Arguments {
  positionals: string[];
  values: Record<string, unknown>;
}

type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/**
 * `unknown option --provder; did you mean --provider?`. `typed` is the option as typed, without a value:
 * `-provider`, which the parser reads as the short options -p, -r, …, is answered as a whole.
 */
export function unknownOption(typed: string, known: readonly string[]): UsageError {
  const guess = closestName(typed.replace(/^--?/, ""), known);
  return new UsageError(`unknown option ${shown(typed)}${guess === undefined ? "" : `; did you mean --${guess}?`}`);
}

/** Why an option token cannot be taken as given, or undefined when it can. */
function problemOf(token: Extract<Token, { kind: "option" }>, typed: string, options: Options): UsageError | undefined {
  const { name, rawName, value, inlineValue } = token;
  const option = Object.hasOwn(options, name) ? options[name] : undefined;
  if (option === undefined) return unknownOption(rawName.startsWith("--") ? rawName : typed.split("=")[0]!, Object.keys(options));
  if (option.type === "boolean") {
    return value === undefined ? undefined : new UsageError(`option ${rawName} is a flag and takes no value (given ${quoted(value)})`);
  }
  if (value === undefined) return new UsageError(`option ${rawName} needs a value`);
  // `--provider --json`: the parser took the next option for the value; a value that starts with "--"
  // is given as --provider=--x, as node:util's strict mode asks too.
  if (inlineValue === false && value.startsWith("--")) {
    return new UsageError(
      `option ${rawName} needs a value; ${shown(value)} is an option (write ${rawName}=${shown(value)} if it is the value)`,
    );
  }
  return undefined;
}

/** `args` read against `options`; an unknown option, a missing value or a flag given a value is a `UsageError`. */
export function readArguments(args: readonly string[], options: Options): Arguments {
  const { values, positionals, tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const problem = problemOf(token, args[token.index] ?? token.rawName, options);
    if (problem !== undefined) throw problem;
  }
  return { positionals, values };
}
