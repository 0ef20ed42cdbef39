/**
 * Checks of what a caller hands the client: options, credentials, server variables, ids. Each returns
 * violations (never throws) and never echoes a value that could be a secret: credentials, and the `space`
 * and `baseUrl` a token may have been passed as by mistake, are described by their shape only.
 */
import { closestName } from "../contract/closest-name.js";
import { describeValue } from "../contract/describe-value.js";
import type { Provider } from "../contract/providers.js";
import { validatePathParameter } from "../contract/validate.js";
import type { Violation, ViolationCode } from "../contract/violations.js";

function violation(code: ViolationCode, path: string, message: string, expected: string, received?: string): Violation[] {
  return [{ code, path, message, expected, ...(received === undefined ? {} : { received }) }];
}

/** What a value is without what it says: `a string of 40 characters`, `number`. */
function shapeOf(value: unknown): string {
  return typeof value === "string" ? `a string of ${value.length} characters` : typeof value;
}

/** A key the caller passed that is not one of `known` (a typo such as `timeout` for `timeoutMs`). */
/** No violation: one shared, frozen empty list, so a check that passes allocates nothing. */
const NONE = Object.freeze([]) as unknown as Violation[];

export function checkKnownKeys(value: object, known: readonly string[], where: string): Violation[] {
  let unknown: string[] | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || known.includes(key)) continue;
    unknown ??= [];
    unknown.push(key);
  }
  if (unknown === undefined) return NONE;
  return unknown.flatMap((key) => {
    const suggestion = closestName(key, known);
    const message = `is not an option of ${where}${suggestion ? `; did you mean ${suggestion}?` : ""}`;
    return violation("unknown_field", key, message, suggestion ?? `one of ${known.join(", ")}`);
  });
}

/** An object of named arguments (`name` is what the caller knows it as: `options`, `params`). */
export function checkObject(name: string, value: unknown, what: string): Violation[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return NONE;
  return violation("invalid_type", name, `must be ${what}`, what, describeValue(value));
}

/** Whether a string is well-formed Unicode (no lone surrogate): ES2024's String.prototype.isWellFormed. */
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * An id that goes into the path as one segment: a non-empty, well-formed string. `.` and `..` are refused
 * because URL parsers resolve them (even percent-encoded) and the request would reach another resource.
 */
export function checkPathId(name: string, value: unknown): Violation[] {
  const expected = "a non-empty id";
  if (value === undefined) return violation("required", name, "is required", expected);
  if (typeof value !== "string") return violation("invalid_type", name, "must be a string", expected, describeValue(value));
  if (value === "") return violation("invalid_value", name, "must not be empty", expected, '""');
  if (!isWellFormed(value)) {
    return violation("invalid_encoding", name, "must be well-formed Unicode (it has a lone surrogate)", expected, describeValue(value));
  }
  if (value === "." || value === "..") {
    return violation("invalid_value", name, "cannot be a dot segment, which URLs resolve away", expected, describeValue(value));
  }
  return NONE;
}

/** An id against the schema the spec gives its path parameter, if it gives one (Twilio's `AC…`, `CF…`). */
export function checkSpecId(provider: Provider, parameter: string, name: string, value: unknown): Violation[] {
  const checked = validatePathParameter(provider, parameter, value);
  return checked.ok ? NONE : checked.errors.map((violation) => ({ ...violation, path: name }));
}

/** A value that fills a `{variable}` of a server's host name: one DNS label. */
export function checkHostLabel(name: string, value: unknown): Violation[] {
  const expected = "a name such as example";
  if (typeof value === "string" && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(value)) return NONE;
  if (value === undefined) return violation("required", name, "is required", expected);
  const message = "must be one host name label (letters, digits and inner hyphens)";
  return violation(typeof value === "string" ? "invalid_format" : "invalid_type", name, message, expected, shapeOf(value));
}

/**
 * A credential. Its value never appears in a violation. `visible` asks for visible ASCII only (a header
 * value), `user` also refuses `:` (it ends the user part of Basic credentials).
 */
export function checkSecret(name: string, value: unknown, kind: "visible" | "user" | "any"): Violation[] {
  const expected = kind === "any" ? "a non-empty string" : "a non-empty string of visible ASCII characters";
  if (value === undefined) return violation("required", name, "is required", expected);
  if (typeof value !== "string") return violation("invalid_type", name, "must be a string", expected, typeof value);
  if (value === "") return violation("invalid_value", name, "must not be empty", expected);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return violation("invalid_value", name, "must not contain control characters (such as a line break)", expected);
  }
  if (kind !== "any" && !/^[\u0021-\u007e]+$/.test(value)) {
    return violation("invalid_value", name, "must contain only visible ASCII characters", expected);
  }
  if (kind === "user" && value.includes(":")) return violation("invalid_value", name, "must not contain ':'", expected);
  return NONE;
}

/** The longest delay a timer takes (2^31 - 1 ms, about 24.8 days): past it, runtimes fire the timer at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** A timeout: a positive number of milliseconds, or 0 for none. */
export function checkTimeout(name: string, value: unknown): Violation[] {
  if (value === undefined || value === 0 || (typeof value === "number" && value > 0 && value <= MAX_TIMER_MS)) return NONE;
  if (typeof value === "number" && value > MAX_TIMER_MS) {
    const message = `must be at most ${MAX_TIMER_MS} milliseconds (about 24.8 days), the longest a timer waits; 0 turns it off`;
    return violation("invalid_value", name, message, `a number from 0 to ${MAX_TIMER_MS}`, describeValue(value));
  }
  const code = typeof value === "number" ? "invalid_value" : "invalid_type";
  return violation(code, name, "must be a positive number of milliseconds", "a number > 0", describeValue(value));
}

export function checkByteCount(name: string, value: unknown): Violation[] {
  if (value === undefined || (typeof value === "number" && Number.isSafeInteger(value) && value > 0)) return NONE;
  const code = typeof value === "number" ? "invalid_value" : "invalid_type";
  return violation(code, name, "must be a positive whole number of bytes", "an integer > 0", describeValue(value));
}

export function checkType(name: string, value: unknown, type: "function" | "boolean"): Violation[] {
  if (value === undefined || typeof value === type) return NONE;
  return violation("invalid_type", name, `must be a ${type}`, type, typeof value);
}

export function checkSignal(name: string, value: unknown): Violation[] {
  if (value === undefined || value instanceof AbortSignal) return NONE;
  return violation("invalid_type", name, "must be an AbortSignal", "an AbortSignal", typeof value);
}

/** Whether a URL's host is this machine: `localhost`, `127.x.x.x` or `[::1]`. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** What each URL option is: `baseUrl` an origin (the provider's path is added), `serverUrl` a whole server URL. */
const URL_KINDS = {
  baseUrl: { expected: "an origin such as https://api.example.com or http://127.0.0.1:4010", takesPath: false },
  serverUrl: { expected: "a server URL such as https://api.example.com/v2 or http://127.0.0.1:4010", takesPath: true },
} as const;

/**
 * `baseUrl` (an origin: scheme, host, port) or `serverUrl` (the same and a path), without query, fragment or
 * credentials; a trailing slash is tolerated. Plain `http` only to a loopback host, so credentials never
 * cross a network in clear text. A value that is not a URL may be a token passed in the wrong place: only its
 * shape is reported. Gives the URL without its trailing slash.
 */
export function checkServerUrl(name: keyof typeof URL_KINDS, value: unknown): { url?: string; violations: Violation[] } {
  if (value === undefined) return { violations: [] };
  const { expected, takesPath } = URL_KINDS[name];
  const refuse = (code: ViolationCode, message: string, received?: string) => ({
    violations: violation(code, name, message, expected, received),
  });
  let url: URL;
  try {
    if (typeof value !== "string") throw new TypeError("not a string");
    url = new URL(value);
  } catch {
    return refuse(typeof value === "string" ? "invalid_format" : "invalid_type", "must be an absolute URL", shapeOf(value));
  }
  if (url.username !== "" || url.password !== "") {
    return refuse("invalid_value", "must not carry credentials; the client sends them in the Authorization header");
  }
  const received = describeValue(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return refuse("invalid_value", "must use https (or http to a loopback host)", received);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return refuse(
      "invalid_value",
      "must use https unless its host is a loopback address: credentials are not sent in clear text",
      received,
    );
  }
  const extra = url.search !== "" || url.hash !== "" || /[?#]/.test(value as string);
  if (!takesPath && (extra || url.pathname !== "/")) {
    return refuse("invalid_format", "must be an origin only: the provider's path is added to it", received);
  }
  if (extra) return refuse("invalid_format", "must have no query or fragment: the operation's path is added to it", received);
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, violations: [] };
}
