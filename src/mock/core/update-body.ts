/**
 * An update's body, read as the provider reads it: its media type, then a form or JSON object, checked
 * against the contract. The result is the change to apply, or the failure that says why there is none.
 */
import { parseJsonObject } from "../../contract/json-body.js";
import { type Provider, providers } from "../../contract/providers.js";
import { validateUpdateRequest } from "../../contract/validate.js";
import type { Violation, ViolationCode } from "../../contract/violations.js";
import { type BodyReading, MAX_BODY_BYTES } from "./exchange.js";
import { fail, type MockFailure } from "./failures.js";
import { lowerCaseMediaType } from "./fast-paths.js";

const JSON_TYPE = "application/json";

/** The change a body asks for, or why it cannot be applied; `text` is the body as read, for the journal. */
export type UpdateReading =
  | { ok: true; text: string; change: Record<string, unknown> }
  | { ok: false; text?: string; failure: MockFailure };

/** The violations that say a body could not be read at all, rather than read and found to break the contract. */
const UNREADABLE: ReadonlySet<ViolationCode> = new Set(["repeated_field", "invalid_encoding", "invalid_json"]);
const unreadableOrInvalid = (violations: readonly Violation[]) =>
  violations.some((v) => UNREADABLE.has(v.code)) ? "unreadable" : "invalid";

/** A Content-Type header's media type, in lower case; undefined when there is none. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const semicolon = header.indexOf(";");
  return lowerCaseMediaType((semicolon === -1 ? header : header.slice(0, semicolon)).trim()) || undefined;
}

/**
 * Why a request's `Content-Encoding` cannot be read (a compressed body: the providers read plain forms), or
 * undefined when it has none (or `identity`).
 */
export function refusedContentCoding(header: string | undefined): MockFailure | undefined {
  if (header === undefined) return undefined;
  const codings = header
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length === 0) return undefined;
  const named = JSON.stringify(codings.join(", ").slice(0, 80));
  return fail("unsupportedMediaType", `Content-Encoding ${named} is not accepted; send the body uncompressed.`).failure;
}

/** Why a media type cannot be read by the provider, or undefined when it can (or none was sent). */
export function refusedMediaType(provider: Provider, mediaType: string | undefined): MockFailure | undefined {
  const accepted = providers[provider].requestContentTypes as readonly string[];
  if (mediaType === undefined || accepted.includes(mediaType)) return undefined;
  return fail("unsupportedMediaType", `Content-Type ${JSON.stringify(mediaType)} is not accepted; send ${accepted.join(" or ")}.`).failure;
}

const utf8 = new TextDecoder();

/** The update a body asks for, checked against the contract. */
export function readUpdate(provider: Provider, mediaType: string | undefined, reading: BodyReading): UpdateReading {
  if (!reading.ok) {
    if (reading.reason === "tooLarge") return tooLarge();
    if (reading.reason === "timeout") return fail("timeout", "The body was not received in time.");
    return fail("unreadable", "The body could not be read.");
  }
  const text = utf8.decode(reading.bytes);
  if (mediaType === undefined && reading.bytes.length > 0) {
    const accepted = providers[provider].requestContentTypes as readonly string[];
    return { text, ...fail("unsupportedMediaType", `A body needs a Content-Type: ${accepted.join(" or ")}.`) };
  }
  let input: string | Record<string, unknown> = text;
  // An empty JSON body is an empty update; one of only whitespace is named for what it is.
  if (mediaType === JSON_TYPE && text !== "") {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return { text, ...fail(unreadableOrInvalid(parsed.errors), "The body is not a JSON object.", parsed.errors) };
    input = parsed.value;
  }
  const result = validateUpdateRequest(provider, input);
  if (result.ok) return { ok: true, text, change: result.value as Record<string, unknown> };
  return { text, ...fail(unreadableOrInvalid(result.errors), "The body breaks the contract.", result.errors) };
}

/** A body over `MAX_BODY_BYTES`, declared or read. */
export const tooLarge = () => fail("tooLarge", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
