/**
 * What keeps the admin API its user's alone: a request from a web page of another origin is refused (a page
 * open in the user's browser can send a request to 127.0.0.1 without a preflight, but it cannot hide where it
 * comes from), and a request body must be JSON (which a page cannot send to another origin without a
 * preflight the mock never grants).
 */
import type { Violation } from "../../contract/violations.js";
import { mediaTypeOf } from "./update-body.js";

type Headers = Readonly<Record<string, string | undefined>>;

/** Why a request comes from another origin than the mock's own, or undefined when it does not. */
export function foreignOrigin(headers: Headers): string | undefined {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${JSON.stringify(site.slice(0, 40))}`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  const host = headers.host;
  if (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) return undefined;
  return `Origin ${JSON.stringify(origin.slice(0, 120))} is not the mock's own`;
}

/** Whether a request has a body (a length above 0, or chunks). */
const hasBody = (headers: Headers) => headers["transfer-encoding"] !== undefined || Number(headers["content-length"] ?? 0) > 0;

/** Why a request's body is not one the admin API reads (it must be `application/json`), or undefined. */
export function bodyNotJson(headers: Headers): Violation | undefined {
  if (!hasBody(headers)) return undefined;
  const type = mediaTypeOf(headers["content-type"]);
  if (type === "application/json") return undefined;
  return {
    code: "invalid_value",
    path: "content-type",
    message: "must be application/json for a request with a body",
    expected: "application/json",
    received: type === undefined ? "no Content-Type" : JSON.stringify(type.slice(0, 80)),
  };
}

/** A whole number query parameter within bounds, its default when absent, or the violation that says why not. */
export function integerParam(
  query: URLSearchParams,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number | Violation {
  const value = query.get(name);
  if (value === null) return bounds.fallback;
  // At most 16 digits, as many as Number.MAX_SAFE_INTEGER has: a longer text is out of any bound, and never parsed.
  const number = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (number >= bounds.min && number <= bounds.max) return number;
  const expected = `a whole number from ${bounds.min} to ${bounds.max}`;
  return { code: "invalid_value", path: name, message: `must be ${expected}`, expected, received: JSON.stringify(value.slice(0, 40)) };
}
