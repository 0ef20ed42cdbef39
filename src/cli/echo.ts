/**
 * What the CLI prints of what it was given (arguments, file names, the mock's banner): cut to a bounded
 * length where a message repeats an argument, and escaped for a terminal by `printable` (controls,
 * bidirectional and invisible format characters, lone surrogates).
 */
import { printable } from "../contract/violations.js";

/** The most characters of one argument a message repeats; a longer one is cut there and ends with "…". */
export const MAX_ECHOED = 100;

/** `argument` cut to `MAX_ECHOED` characters, never between the two halves of a surrogate pair. */
function cut(argument: string): string {
  if (argument.length <= MAX_ECHOED) return argument;
  const last = argument.charCodeAt(MAX_ECHOED - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_ECHOED - 1 : MAX_ECHOED;
  return `${argument.slice(0, end)}…`;
}

/** An argument as typed, unquoted (an option's name, a file's path): cut and escaped. */
export const shown = (argument: string): string => printable(cut(argument));

/** An argument's value in quotes (`"plivo"`), cut, then quoted and escaped as JSON writes a string. */
export const quoted = (argument: string): string => printable(JSON.stringify(cut(argument)));

/** Lines of text from elsewhere (the mock's banner names ids and users it was given): each line escaped, the breaks kept. */
export const printableLines = (text: string): string => text.split("\n").map(printable).join("\n");
