/**
 * Every error the mock answers, in the provider's own error format (SignalWire: `{code, message,
 * more_info, status}`; Telnyx: `{errors: [...]}`), as JSON. The tests check each against the spec.
 */
import type { Provider } from "../contract/providers.js";
import { formatViolation, type Violation } from "../contract/violations.js";
import { resembledProvider } from "./routes.js";

export interface MockFailure {
  status: number;
  /** A short summary: "Authentication failed". */
  title: string;
  /** The full sentence, when there are no violations to list. */
  detail: string;
  /** The request's violations, one per problem. */
  violations?: readonly Violation[];
}

const SIGNALWIRE_MORE_INFO = "https://developer.signalwire.com/compatibility-api/rest/overview/error-codes";
const SIGNALWIRE_CODES: Readonly<Record<number, number>> = { 401: 20003, 404: 20404, 405: 20004 };
const TELNYX_CODES: Readonly<Record<number, string>> = { 401: "10009", 422: "10015" };

/**
 * A request violation's field as a JSON Pointer (RFC 6901): `/HoldUrl`, with `~` and `/` escaped (`a/b` is
 * `/a~1b`); "" for the body as a whole. Request bodies are flat, so a path is one field name, dots and all.
 */
const pointerOf = (path: string) => (path === "" ? "" : `/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`);

const renderers: Record<Provider, (failure: MockFailure) => unknown> = {
  signalwire: (failure) => ({
    code: SIGNALWIRE_CODES[failure.status] ?? 20001,
    message: failure.violations?.length ? failure.violations.map((v) => formatViolation(v)).join("; ") : failure.detail,
    more_info: SIGNALWIRE_MORE_INFO,
    status: failure.status,
  }),
  telnyx: (failure) => {
    if (failure.status === 404) return { errors: [{ detail: "Resource not found" }] };
    const code = Object.hasOwn(TELNYX_CODES, failure.status) ? { code: TELNYX_CODES[failure.status] } : {};
    if (!failure.violations?.length) return { errors: [{ ...code, title: failure.title, detail: failure.detail }] };
    return {
      errors: failure.violations.map((v) => ({
        ...code,
        title: failure.title,
        detail: formatViolation(v),
        source: { pointer: pointerOf(v.path) },
      })),
    };
  },
};

export function errorBody(provider: Provider, failure: MockFailure): unknown {
  return renderers[provider](failure);
}

/**
 * For a path that matches no operation: the error format of the provider whose paths it looks like, and
 * SignalWire's (Twilio's, which both copy) for a path that looks like neither.
 */
export function unroutedBody(path: string, failure: MockFailure): unknown {
  return renderers[resembledProvider(path) ?? "signalwire"](failure);
}
