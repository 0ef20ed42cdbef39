/**
 * The contract as functions: requests, participants and error bodies checked with the precompiled
 * validators (no schema is compiled at import). They never throw, whatever they are given.
 */
import { conditions, validators, type SchemaName } from "../../generated/validators.js";
import { participantValidator, TOP_LEVEL, validatorOf } from "./fast-paths.js";
import { parseForm } from "./form.js";
import { isProvider, providerNames, providers, type ErrorBody, type Participant, type Provider, type UpdateRequest } from "./providers.js";
import { toViolations } from "./ajv-errors.js";
import { capViolations, type Violation } from "./violations.js";
import { hasWellFormedFields, illFormedFields } from "./well-formed.js";

export type { Violation } from "./violations.js";
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: Violation[] };

function check<T>(schema: SchemaName, data: unknown, strict = false): ValidationResult<T> {
  const validate = validatorOf(schema, strict);
  if (validate(data)) return { ok: true, value: data as T };
  return { ok: false, errors: toViolations(validate.errors ?? [], conditions[schema]) };
}

/**
 * Runs `validate`, turning anything it throws (a hostile proxy, a getter that throws) into a violation, and
 * reporting at most `MAX_VIOLATIONS` of what it finds.
 */
function guarded<T>(validate: () => ValidationResult<T>): ValidationResult<T> {
  try {
    const result = validate();
    return result.ok ? result : { ok: false, errors: capViolations(result.errors) };
  } catch (error) {
    return {
      ok: false,
      errors: [{ code: "unreadable", path: "", message: `could not be read (${error instanceof Error ? error.name : "error"})` }],
    };
  }
}

function unknownProvider(provider: unknown): { ok: false; errors: Violation[] } {
  return {
    ok: false,
    errors: [
      {
        code: "invalid_enum",
        path: "provider",
        message: `must be one of ${providerNames.join(", ")}`,
        expected: providerNames.join(" or "),
        received: typeof provider === "string" ? JSON.stringify(provider) : typeof provider,
      },
    ],
  };
}

/**
 * Checks an update body. A string or URLSearchParams is a form body, read by the schema's field types
 * (`Muted=True` is `true`); an object is a JSON body, checked as it is.
 */
export function validateUpdateRequest<P extends Provider>(
  provider: P,
  body: string | URLSearchParams | Record<string, unknown>,
): ValidationResult<UpdateRequest<P>> {
  // A valid body takes the short way (fast-paths.ts): one parse, one validation, no closure. Any other is
  // checked again below, guarded, to report every violation.
  try {
    if (isProvider(provider)) {
      const { requestSchema, requestFields } = providers[provider];
      const value =
        typeof body === "string" || body instanceof URLSearchParams ? parseForm(body, requestFields) : { value: body, errors: [] };
      if (
        value.errors.length === 0 &&
        validators[requestSchema as SchemaName](value.value, TOP_LEVEL) &&
        hasWellFormedFields(value.value)
      ) {
        return { ok: true, value: value.value as UpdateRequest<P> };
      }
    }
  } catch {
    // Reported by the guarded check below.
  }
  return guarded(() => {
    if (!isProvider(provider)) return unknownProvider(provider);
    const { requestSchema, requestFields } = providers[provider];
    if (typeof body !== "string" && !(body instanceof URLSearchParams))
      return withUnreadable(check(requestSchema, body), illFormedFields(body));
    const form = parseForm(body, requestFields);
    return withUnreadable(check<UpdateRequest<P>>(requestSchema, form.value), [...form.errors, ...illFormedFields(form.value)]);
  });
}

/**
 * A body's check with what could not be read in it (a bad escape, a repeated field, a lone surrogate) first;
 * the schema's own findings on those fields are left out, as they describe a value that was not the one sent.
 */
function withUnreadable<T>(result: ValidationResult<T>, unreadable: Violation[]): ValidationResult<T> {
  if (unreadable.length === 0) return result;
  const paths = new Set(unreadable.map((e) => e.path));
  const rest = result.ok ? [] : result.errors.filter((e) => !paths.has(e.path));
  return { ok: false, errors: [...unreadable, ...rest] };
}

/** Checks a participant (a 200 body). `strict` also rejects fields the spec does not declare. */
export function validateParticipant<P extends Provider>(
  provider: P,
  json: unknown,
  options?: { strict?: boolean },
): ValidationResult<Participant<P>> {
  // A valid participant takes the short way (fast-paths.ts): one look-up, one call, no closure. Any other is
  // checked below, guarded, to report every violation (or the unknown provider).
  const strict = options?.strict === true;
  const validate = participantValidator(provider, strict);
  try {
    if (validate?.(json, TOP_LEVEL)) return { ok: true, value: json as Participant<P> };
  } catch {
    // Anything a hostile value throws is reported by the checked path below.
  }
  return guarded(() => (isProvider(provider) ? check(providers[provider].successSchema, json, strict) : unknownProvider(provider)));
}

/** Checks an error body against the provider's error format. */
export function validateErrorBody<P extends Provider>(provider: P, json: unknown): ValidationResult<ErrorBody<P>> {
  return guarded(() => {
    if (!isProvider(provider)) return unknownProvider(provider);
    return check(providers[provider].errorSchema, json);
  });
}

/**
 * Checks an id against the schema the spec gives a provider's path parameter (`AccountSid`: Twilio's
 * `^AC[0-9a-fA-F]{32}$`); an id of a parameter with no named schema passes. Violations name the id as `""`.
 */
export function validatePathParameter(provider: Provider, parameter: string, value: unknown): ValidationResult<string> {
  const schema = pathParameterSchema(provider, parameter);
  if (schema === undefined) return { ok: true, value: value as string };
  return guarded(() => check<string>(schema, value));
}

/** Whether the spec gives a provider's path parameter a schema of its own (Twilio's ids, Telnyx's call id). */
export const hasPathParameterSchema = (provider: Provider, parameter: string): boolean =>
  pathParameterSchema(provider, parameter) !== undefined;

function pathParameterSchema(provider: Provider, parameter: string): SchemaName | undefined {
  const schemas = providers[provider].pathParameterSchemas as Readonly<Record<string, SchemaName>>;
  return Object.hasOwn(schemas, parameter) ? schemas[parameter] : undefined;
}
