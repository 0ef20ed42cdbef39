/**
 * The contract layer's deliberate fast paths, in one place (the mock core's are in
 * `src/mock/core/fast-paths.ts`). Each stands for plain code it leaves in place for every other input, and
 * exists for a figure measured with `npm run bench` (BENCHMARKS.md):
 *
 * - `TOP_LEVEL`: the data context ajv's generated functions take beside the data. Called without one, each
 *   call allocates a fresh object; in the benchmark's process that cost `validateParticipant` 2–3% (0.97–0.99×
 *   the hand-written guard before, 1.00–1.01× after).
 * - `participantValidator`: each provider's participant validators looked up once, so a drift check is one
 *   `Map` look-up and one call, with no options object.
 * - `booleanAsSent`, `hasNoEscapes`, `writtenAsIs`: form fields as clients send them (`true`, a value with no
 *   escape, a value that needs none) read and written without a regexp, `decodeURIComponent` or
 *   `encodeURIComponent`; with the mock core's shortcuts, its CPU per update went from 3.4 µs to 1.9 µs, and
 *   they are part of the client's per-call work (within 1.02× raw `fetch`).
 */
import { type CompiledValidator, type SchemaName, strictValidators, validators } from "../../generated/validators.js";
import { type Provider, providerNames, providers } from "./providers.js";

/** An empty, shared data context for ajv's generated functions: the data is the whole document. */
export const TOP_LEVEL = Object.freeze({});

/** A schema's validator; `strict`, the variant that also rejects undeclared properties, where there is one. */
export function validatorOf(schema: SchemaName, strict: boolean): CompiledValidator {
  return strict && Object.hasOwn(strictValidators, schema) ? strictValidators[schema as keyof typeof strictValidators] : validators[schema];
}

const participantValidators: ReadonlyMap<unknown, { loose: CompiledValidator; strict: CompiledValidator }> = new Map(
  providerNames.map((provider) => {
    const schema = providers[provider].successSchema as SchemaName;
    return [provider, { loose: validatorOf(schema, false), strict: validatorOf(schema, true) }];
  }),
);

/** A provider's participant validator, or undefined when `provider` is not one. */
export function participantValidator(provider: unknown, strict: boolean): CompiledValidator | undefined {
  const found = participantValidators.get(provider as Provider);
  return found === undefined ? undefined : strict ? found.strict : found.loose;
}

/** `true` or `false` as clients send them; undefined for any other spelling, which the plain reading decides. */
export function booleanAsSent(text: string): boolean | undefined {
  if (text === "true") return true;
  if (text === "false") return false;
  return undefined;
}

/** Whether a form key or value has nothing to decode (no `%`, no `+`): it is read as it is. */
export const hasNoEscapes = (text: string): boolean => !text.includes("%") && !text.includes("+");

/** What the form-urlencoded serializer writes as it is: ASCII letters and digits, `*`, `-`, `.` and `_`. */
const FORM_SAFE = /^[\w*.-]*$/;

/** Whether the form-urlencoded serializer writes `text` as it is. */
export const writtenAsIs = (text: string): boolean => FORM_SAFE.test(text);
