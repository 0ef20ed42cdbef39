/** `application/x-www-form-urlencoded` bodies: read by the schema's field types, and written. */
import type { Violation } from "./violations.js";
import { describeValue } from "./describe-value.js";
import { booleanAsSent, hasNoEscapes, writtenAsIs } from "./fast-paths.js";

export type FieldTypes = Readonly<Record<string, string>>;
/** The well-formed fields, and a violation for each field that could not be read. */
export interface FormResult {
  value: Record<string, unknown>;
  errors: Violation[];
}

const BOOLEAN = /^(true|false)$/i;

function decode(text: string): string | undefined {
  if (hasNoEscapes(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** Sets `key` as an own property even when it is `__proto__`, so no input can touch a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A form being read: the fields set so far, and what could not be read, in the order it was found. */
interface FormReading {
  readonly fieldTypes: FieldTypes;
  readonly value: Record<string, unknown>;
  /** Bad escapes, found as the body is split. */
  readonly encodingErrors: Violation[];
  /** Repeated fields and values of the wrong type, found as fields are set. */
  readonly fieldErrors: Violation[];
  /** Fields seen but left out of `value` (their value was not readable as their type). */
  unset?: Set<string>;
  /** Fields already reported as repeated. */
  repeated?: Set<string>;
}

/** `true` or `false`, in any letter case, as a boolean; undefined for anything else. */
function booleanOf(text: string): boolean | undefined {
  return booleanAsSent(text) ?? (BOOLEAN.test(text) ? text.toLowerCase() === "true" : undefined);
}

function readField(reading: FormReading, key: string, text: string): void {
  const { value, fieldErrors } = reading;
  if (Object.hasOwn(value, key) || reading.unset?.has(key)) {
    reading.repeated ??= new Set();
    if (!reading.repeated.has(key)) {
      reading.repeated.add(key);
      fieldErrors.push({ code: "repeated_field", path: key, message: "is repeated; send each field once", expected: "one value" });
    }
    return;
  }
  const type = Object.hasOwn(reading.fieldTypes, key) ? reading.fieldTypes[key] : undefined;
  const flag = type === "boolean" ? booleanOf(text) : undefined;
  if (type !== "boolean") {
    setOwn(value, key, text);
  } else if (flag !== undefined) {
    setOwn(value, key, flag);
  } else {
    reading.unset ??= new Set();
    reading.unset.add(key);
    fieldErrors.push({
      code: "invalid_type",
      path: key,
      message: "must be true or false",
      expected: "true or false",
      received: describeValue(text),
    });
  }
}

/**
 * A form body as the object the schema describes: booleans from `true`/`false` in any letter case, other
 * fields as strings. Fields the schema does not know stay strings, for the schema to reject by name. A
 * field that cannot be read (bad escape, repeated, not a boolean) is reported and left out of `value`.
 */
export function parseForm(body: string | URLSearchParams, fieldTypes: FieldTypes): FormResult {
  const reading: FormReading = { fieldTypes, value: {}, encodingErrors: [], fieldErrors: [] };
  if (typeof body === "string") {
    for (const part of body.split("&")) {
      if (part === "") continue;
      const separator = part.indexOf("=");
      const rawKey = separator === -1 ? part : part.slice(0, separator);
      const rawValue = separator === -1 ? "" : part.slice(separator + 1);
      const key = decode(rawKey);
      const value = decode(rawValue);
      if (key === undefined || value === undefined) {
        reading.encodingErrors.push({
          code: "invalid_encoding",
          path: key ?? rawKey,
          message: "has a malformed percent-escape",
          expected: "valid percent-encoding",
          received: describeValue(key === undefined ? rawKey : rawValue),
        });
        continue;
      }
      readField(reading, key, value);
    }
  } else {
    for (const [key, value] of body) readField(reading, key, value);
  }
  const { value, encodingErrors, fieldErrors } = reading;
  return { value, errors: fieldErrors.length === 0 ? encodingErrors : [...encodingErrors, ...fieldErrors] };
}

// encodeURIComponent leaves these five as they are; the form-urlencoded serializer percent-encodes them and
// writes a space as "+".
const FORM_DIFFERENCES = /[!'()~]|%20/g;

/** One key or value as `URLSearchParams` writes it (the WHATWG form-urlencoded serializer), only faster. */
function encodeFormComponent(text: string): string {
  if (writtenAsIs(text)) return text;
  const wellFormed = (text as string & { toWellFormed(): string }).toWellFormed();
  return encodeURIComponent(wellFormed).replace(FORM_DIFFERENCES, (c) =>
    c === "%20" ? "+" : `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A body as a form: unset (`undefined`, `null`) fields left out, booleans as `true`/`false`. */
export function serializeForm(body: Readonly<Record<string, unknown>>): string {
  let form = "";
  for (const key in body) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    if (value === undefined || value === null) continue;
    form += `${form === "" ? "" : "&"}${encodeFormComponent(key)}=${encodeFormComponent(String(value))}`;
  }
  return form;
}
