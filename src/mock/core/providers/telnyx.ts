/** Telnyx's TeXML as the mock plays it: its error codes and body, its participants. */
import { formatViolation } from "../../../contract/violations.js";
import { SEED_IDS } from "../defaults.js";
import type { ErrorAnswer, MockProvider } from "./mock-provider.js";

/** Codes and titles from Telnyx's published error list (spec decision 16); a title only where the list has no code. */
const errors: MockProvider["errors"] = {
  unreadable: { status: 400, code: "10015", title: "Bad Request" },
  invalid: { status: 422, code: "10015", title: "Bad Request" },
  coachedNotInConference: { status: 422, code: "10015", title: "Bad Request" },
  authentication: {
    status: 401,
    code: "10009",
    title: "Authentication failed",
    detail: "Could not understand the provided credentials.",
  },
  notFound: { status: 404, code: "10005", title: "Resource not found", detail: "Resource not found" },
  methodNotAllowed: { status: 405, title: "Method not allowed" },
  tooLarge: { status: 413, title: "Request entity too large" },
  timeout: { status: 408, title: "Request timeout" },
  headersTooLarge: { status: 431, title: "Request header fields too large" },
  unsupportedMediaType: { status: 415, code: "10014", title: "Unsupported Media Type" },
  conferenceEnded: {
    status: 400,
    code: "90019",
    title: "Conference has already ended",
    detail: "This conference is no longer active and can't receive commands.",
  },
  tooManyRequests: { status: 429, code: "10011", title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  unavailable: { status: 503, title: "Service unavailable" },
  forbidden: { status: 403, title: "Forbidden" },
  httpVersion: { status: 505, title: "HTTP version not supported" },
};

/**
 * A request violation's field as a JSON Pointer (RFC 6901): `/HoldUrl`, with `~` and `/` escaped (`a/b` is
 * `/a~1b`); "" for the body as a whole. Request bodies are flat, so a path is one field name, dots and all.
 */
const pointerOf = (path: string) => (path === "" ? "" : `/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`);

export const telnyx: MockProvider = {
  errors,
  // One error per violation, each pointing at its field.
  errorBody: (failure, answer: ErrorAnswer) => {
    const head = { ...(answer.code === undefined ? {} : { code: answer.code }), title: answer.title };
    if (!failure.violations?.length) return { errors: [{ ...head, detail: answer.detail ?? failure.detail }] };
    return {
      errors: failure.violations.map((v) => ({ ...head, detail: formatViolation(v), source: { pointer: pointerOf(v.path) } })),
    };
  },
  fresh: (ref) => ({ api_version: "v2/texml", call_sid_legacy: ref.call, status: "connected" }),
  completedStatus: "completed",
  coaching: (participant, call) => {
    const { coaching_call_sid: _sid, coaching_call_sid_legacy: _legacy, ...rest } = participant;
    return call === null
      ? { ...rest, coaching: false }
      : { ...rest, coaching: true, coaching_call_sid: call, coaching_call_sid_legacy: call };
  },
  // The documented path with `.json`, as every participant's own `uri` has it.
  pathForms: [(path) => `${path}.json`],
  hosts: ["https://api.telnyx.com"],
  seed: { account: SEED_IDS.account, conference: SEED_IDS.conference, participants: SEED_IDS.telnyxCalls.map((call) => ({ call })) },
  showsLabel: false,
  credentials: { pairs: [{ secret: "telnyxApiKey" }], account: "firstSeeded", placeholder: "<your API key>" },
};
