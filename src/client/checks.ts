/**
 * Checks of what a caller hands the client: options, credentials, server variables, ids. Each returns
 * violations (never throws) and never echoes a secret.
 */
import { closestName, describeValue, type Violation } from "../contract/violations.js";

/** A key the caller passed that is not one of `known` (a typo such as `timeout` for `timeoutMs`). */
export function checkKnownKeys(value: object, known: readonly string[], where: string): Violation[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = closestName(key, known);
      return {
        path: key,
        message: `is not an option of ${where}${suggestion ? `; did you mean ${suggestion}?` : ""}`,
        expected: suggestion ?? `one of ${known.join(", ")}`,
      };
    });
}

/** An object of named arguments (`name` is what the caller knows it as: `options`, `params`). */
export function checkObject(name: string, value: unknown, what: string): Violation[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return [];
  return [{ path: name, message: `must be ${what}`, expected: what, received: describeValue(value) }];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An id that goes into the path as one segment: a non-empty, well-formed string. `.` and `..` are refused
 * because URL parsers resolve them (even percent-encoded) and the request would reach another resource.
 */
export function checkPathId(name: string, value: unknown): Violation[] {
  const expected = "a non-empty id";
  if (value === undefined) return [{ path: name, message: "is required", expected }];
  if (typeof value !== "string") return [{ path: name, message: "must be a string", expected, received: describeValue(value) }];
  if (value === "") return [{ path: name, message: "must not be empty", expected, received: '""' }];
  if (LONE_SURROGATE.test(value))
    return [{ path: name, message: "must be well-formed Unicode (it has a lone surrogate)", expected, received: describeValue(value) }];
  if (value === "." || value === "..")
    return [{ path: name, message: "cannot be a dot segment, which URLs resolve away", expected, received: describeValue(value) }];
  return [];
}

/** A value that fills a `{variable}` of a server's host name: one DNS label. */
export function checkHostLabel(name: string, value: unknown): Violation[] {
  const expected = "a name such as example";
  if (typeof value === "string" && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(value)) return [];
  if (value === undefined) return [{ path: name, message: "is required", expected }];
  return [
    { path: name, message: "must be one host name label (letters, digits and inner hyphens)", expected, received: describeValue(value) },
  ];
}

/**
 * A credential. Its value never appears in a violation. `visible` asks for visible ASCII only (a header
 * value), `user` also refuses `:` (it ends the user part of Basic credentials).
 */
export function checkSecret(name: string, value: unknown, kind: "visible" | "user" | "any"): Violation[] {
  const expected = kind === "any" ? "a non-empty string" : "a non-empty string of visible ASCII characters";
  if (value === undefined) return [{ path: name, message: "is required", expected }];
  if (typeof value !== "string") return [{ path: name, message: "must be a string", expected, received: typeof value }];
  if (value === "") return [{ path: name, message: "must not be empty", expected }];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value))
    return [{ path: name, message: "must not contain control characters (such as a line break)", expected }];
  if (kind !== "any" && !/^[\u0021-\u007e]+$/.test(value))
    return [{ path: name, message: "must contain only visible ASCII characters", expected }];
  if (kind === "user" && value.includes(":")) return [{ path: name, message: "must not contain ':'", expected }];
  return [];
}

export function checkTimeout(name: string, value: unknown): Violation[] {
  if (value === undefined || (typeof value === "number" && Number.isFinite(value) && value > 0)) return [];
  return [{ path: name, message: "must be a positive number of milliseconds", expected: "a number > 0", received: describeValue(value) }];
}

export function checkType(name: string, value: unknown, type: "function" | "boolean"): Violation[] {
  if (value === undefined || typeof value === type) return [];
  return [{ path: name, message: `must be a ${type}`, expected: type, received: typeof value }];
}

export function checkSignal(name: string, value: unknown): Violation[] {
  if (value === undefined || value instanceof AbortSignal) return [];
  return [{ path: name, message: "must be an AbortSignal", expected: "an AbortSignal", received: typeof value }];
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * `baseUrl`: an origin (scheme, host, port; no path, query, fragment or credentials). Plain `http` only to
 * a loopback host, so credentials never cross a network in clear text.
 */
export function checkBaseUrl(name: string, value: unknown): { origin?: string; violations: Violation[] } {
  if (value === undefined) return { violations: [] };
  const expected = "an origin such as https://api.example.com or http://127.0.0.1:4010";
  let url: URL;
  try {
    if (typeof value !== "string") throw new TypeError("not a string");
    url = new URL(value);
  } catch {
    return {
      violations: [
        {
          path: name,
          message: "must be an absolute URL",
          expected,
          received: typeof value === "string" ? describeValue(value) : typeof value,
        },
      ],
    };
  }
  if (url.username !== "" || url.password !== "") {
    return {
      violations: [{ path: name, message: "must not carry credentials; the client sends them in the Authorization header", expected }],
    };
  }
  const received = describeValue(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { violations: [{ path: name, message: "must use https (or http to a loopback host)", expected, received }] };
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return {
      violations: [
        {
          path: name,
          message: "must use https unless its host is a loopback address: credentials are not sent in clear text",
          expected,
          received,
        },
      ],
    };
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || /[?#]/.test(value as string)) {
    return { violations: [{ path: name, message: "must be an origin only: the provider's path is added to it", expected, received }] };
  }
  return { origin: url.origin, violations: [] };
}
