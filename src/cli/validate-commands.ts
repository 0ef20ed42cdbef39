/** `validate-request` and `validate-response`: a body from a file or stdin, checked, reported, an exit code. */
import { isProvider, providerNames, type Provider } from "../contract/providers.js";
import { validateErrorBody, validateParticipant, validateUpdateRequest, type ValidationResult } from "../contract/validate.js";
import { parseJson, parseJsonObject } from "../contract/json-body.js";
import { formatViolation, printable } from "../contract/violations.js";
import { UsageError } from "../errors/usage-error.js";
import { readRegularFile } from "../node/bounded-read.js";
import { quoted, shown } from "./echo.js";
import { EXIT, type CliIo } from "./io.js";

export interface ValidateOptions {
  provider?: string;
  json?: boolean;
  strict?: boolean;
  status?: string;
}

function providerOf(value: string | undefined): Provider {
  if (value === undefined) throw new UsageError(`--provider is required (one of ${providerNames.join(", ")})`);
  if (!isProvider(value)) throw new UsageError(`--provider must be one of ${providerNames.join(", ")}, not ${quoted(value)}`);
  return value;
}

async function readInput(files: string[], io: CliIo): Promise<string> {
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? "give a FILE, or - for standard input" : `give exactly one FILE, not ${files.length}`);
  const file = files[0]!;
  return file === "-" ? io.stdin() : readRegularFile(file, shown(file));
}

/** The result as text or JSON; what came from the input (names, values, the JSON parser's words) escaped for a terminal. */
function report(result: ValidationResult<unknown>, what: string, options: ValidateOptions, io: CliIo): number {
  if (options.json === true) io.stdout(`${printable(JSON.stringify(result))}\n`);
  else if (result.ok) io.stdout(`valid ${what}\n`);
  else io.stdout(`invalid ${what}:\n${result.errors.map((e) => `  ${printable(formatViolation(e))}`).join("\n")}\n`);
  return result.ok ? EXIT.valid : EXIT.invalid;
}

export async function validateRequestCommand(files: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const provider = providerOf(options.provider);
  const text = await readInput(files, io);
  const what = `${provider} update request`;
  if (/^\s*[[{]/.test(text)) {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return report(parsed, what, options, io);
    return report(validateUpdateRequest(provider, parsed.value), `${what} (JSON)`, options, io);
  }
  return report(validateUpdateRequest(provider, text.replace(/\r?\n$/, "")), `${what} (form)`, options, io);
}

export async function validateResponseCommand(files: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const provider = providerOf(options.provider);
  if (options.status !== undefined && !/^[1-5]\d\d$/.test(options.status))
    throw new UsageError(`--status must be an HTTP status such as 200 or 404, not ${quoted(options.status)}`);
  const text = await readInput(files, io);
  const parsed = parseJson(text);
  if (!parsed.ok) return report(parsed, `${provider} response`, options, io);
  const strict = options.strict === true;
  if (options.status !== undefined && !options.status.startsWith("2"))
    return report(validateErrorBody(provider, parsed.value), `${provider} error body`, options, io);
  const participantLabel = `${provider} participant${strict ? " (strict)" : ""}`;
  if (options.status !== undefined) return report(validateParticipant(provider, parsed.value, { strict }), participantLabel, options, io);
  // No status given: a valid error body is one (no participant is: error bodies require fields participants lack).
  const errorBody = validateErrorBody(provider, parsed.value);
  if (errorBody.ok) return report(errorBody, `${provider} error body`, options, io);
  const participant = validateParticipant(provider, parsed.value, { strict });
  return report(participant, participant.ok ? participantLabel : `${participantLabel} (pass --status to check an error body)`, options, io);
}
