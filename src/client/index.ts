/**
 * The typed client: `createSignalWireClient` and `createTelnyxClient`. Its types come from the spec through
 * openapi-fetch (`Client<paths>`, handed out as `fetchClient`). An update is checked against the contract
 * before anything is sent, written as the exact form body the providers read, sent with `fetch`, and
 * answered in openapi-fetch's `{ data, error, response }` shape.
 */
import createFetchClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/types.js";
import {
  checkBaseUrl,
  checkByteCount,
  checkHostLabel,
  checkKnownKeys,
  checkObject,
  checkPathId,
  checkSecret,
  checkSignal,
  checkTimeout,
  checkType,
} from "./checks.js";
import { USER_AGENT } from "./user-agent.js";
import { serializeForm } from "../contract/form.js";
import { fillPath, pathFiller } from "../contract/paths.js";
import { readAtMost } from "../web/read-at-most.js";
import {
  providers,
  type ErrorBody,
  type Participant,
  type Provider,
  type ProviderOperation,
  type UpdateRequest,
} from "../contract/providers.js";
import { ClientOptionsError } from "../errors/client-options-error.js";
import { RequestValidationError } from "../errors/request-validation-error.js";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import { validateParticipant, validateUpdateRequest } from "../contract/validate.js";
import { describeValue, type Violation } from "../contract/violations.js";

const FORM = "application/x-www-form-urlencoded";

/** Options both clients take. */
export interface ClientOptions {
  /**
   * An origin such as `http://127.0.0.1:4010` that replaces the provider's scheme and host; the provider's
   * path (`/api/laml/2010-04-01/…`, `/v2/texml/…`) stays. Plain `http` only to a loopback host.
   */
  baseUrl?: string;
  /** A fetch to send requests with (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** Abort a call that has not been answered, body included, within this many milliseconds. */
  timeoutMs?: number;
  /** Check every 2xx body against the contract; one that breaks it rejects with a `ResponseValidationError`. */
  validateResponses?: boolean;
  /**
   * Read at most this many bytes of a response's body (default 4 MiB; real answers are under 1 KiB). A longer
   * one is cancelled there and rejects with a `ResponseTooLargeError`.
   */
  maxResponseBytes?: number;
}

const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface SignalWireClientOptions extends ClientOptions {
  /** The Space: `example` for `https://example.signalwire.com`. */
  space: string;
  projectId: string;
  apiToken: string;
}

export interface TelnyxClientOptions extends ClientOptions {
  apiKey: string;
  accountSid: string;
}

export interface UpdateParticipantParams<P extends Provider> {
  /** Default: the client's account (SignalWire: the Project ID). */
  accountSid?: string;
  conferenceSid: string;
  callSid: string;
  /** The fields to change, as the spec names them. Left out: an empty update. */
  body?: UpdateRequest<P>;
  signal?: AbortSignal;
}

/**
 * openapi-fetch's result. `data` is the participant (2xx). `error` is set whenever `response.ok` is false:
 * the provider's error body, or the body's text when it is not JSON (`""` when empty).
 */
export type UpdateParticipantResult<P extends Provider> =
  | { data: Participant<P>; error?: never; response: Response }
  | { data?: never; error: ErrorBody<P> | string; response: Response };

export interface ParticipantClient<P extends Provider> {
  /** Refuses, before any I/O, an update the contract forbids (`RequestValidationError`). */
  updateParticipant(params: UpdateParticipantParams<P>): Promise<UpdateParticipantResult<P>>;
  /**
   * The underlying openapi-fetch client, typed with the spec's `paths`: same server, credentials and form
   * encoding, but no checks of its own.
   */
  readonly fetchClient: Client<paths>;
}
export type SignalWireClient = ParticipantClient<"signalwire">;
export type TelnyxClient = ParticipantClient<"telnyx">;

interface Credentials {
  user?: string;
  secret: string;
}

/** Base64 of `text`'s UTF-8 bytes, with what every runtime has (no Node Buffer). */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** How each auth kind of the spec puts credentials in the Authorization header. */
const authorization: Record<ProviderOperation["auth"], (credentials: Credentials) => string> = {
  basic: ({ user, secret }) => `Basic ${base64Utf8(`${user ?? ""}:${secret}`)}`,
  bearer: ({ secret }) => `Bearer ${secret}`,
};

const COMMON_OPTIONS = ["baseUrl", "fetch", "timeoutMs", "validateResponses", "maxResponseBytes"] as const;
const ID_NAMES = ["accountSid", "conferenceSid", "callSid"] as const;
const PARAM_NAMES = [...ID_NAMES, "body", "signal"] as const;
type IdName = (typeof ID_NAMES)[number];

/** What a provider's factory hands the common part: its own options, already checked. */
interface ProviderSetup {
  factory: string;
  ownOptions: readonly string[];
  violations: Violation[];
  credentials: Credentials;
  /** Values for the `{variables}` of the provider's server URL. */
  serverVariables: Readonly<Record<string, unknown>>;
  accountSid: string;
}

/**
 * Each path parameter of the spec with the argument that fills it. The rule: every operation's path
 * parameters are, in the spec's order, the account, the conference and the participant's call, whatever the
 * provider names them (`AccountSid`, `account_sid`, `call_sid_or_participant_label`); they map by position to
 * `accountSid`, `conferenceSid` and `callSid`, as the mock's routes read them.
 */
function pathArguments(operation: ProviderOperation): [specName: string, argument: IdName][] {
  const names = operation.pathParameters as readonly string[];
  if (names.length !== ID_NAMES.length) {
    throw new Error(`The spec's path parameters ${names.join(", ")} are not an account, a conference and a call`);
  }
  return names.map((specName, i) => [specName, ID_NAMES[i]!]);
}

/** The base URL for openapi-fetch: the spec's server with its variables filled, its origin replaced by `baseUrl`. */
function serverUrl(operation: ProviderOperation, variables: Readonly<Record<string, unknown>>, origin: string | undefined): string {
  const filled = new URL(fillPath(operation.server.url, (name) => String(variables[name])));
  const path = filled.pathname.replace(/\/$/, "");
  return `${origin ?? filled.origin}${path}`;
}

/** A body to check and send: a copy of the caller's plain object (later changes to it cannot slip past the check). */
function snapshotBody(body: unknown): { value: Record<string, unknown>; violations: Violation[] } {
  if (body === undefined) return { value: {}, violations: [] };
  const prototype = typeof body === "object" && body !== null ? Object.getPrototypeOf(body) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    return {
      value: {},
      violations: [
        {
          code: "invalid_type",
          path: "body",
          message: "must be a plain object of the spec's fields",
          expected: "an object such as { Muted: true }",
          received: describeValue(body),
        },
      ],
    };
  }
  return { value: { ...(body as Record<string, unknown>) }, violations: [] };
}

function serializeBody(body: unknown, headers?: Headers): string {
  const type = headers?.get("Content-Type");
  return type === FORM ? serializeForm(body as Record<string, unknown>) : JSON.stringify(body);
}

function combineSignals(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  if (timeoutMs === undefined) return signal;
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
}

const utf8 = new TextDecoder();

/**
 * The body as text, at most `limit` bytes of it: memory stays bounded. A body whose Content-Length is within
 * the limit is read whole (fetch ends it at that length); any other is read chunk by chunk and cancelled
 * once past the limit.
 */
async function readText(response: Response, limit: number): Promise<string> {
  if (response.body === null) return "";
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= limit) return response.text();
  const bytes = await readAtMost(response.body, limit);
  if (bytes === "tooLarge") throw new ResponseTooLargeError(response, limit);
  return utf8.decode(bytes);
}

function readJson(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== "string" || text === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The URL of each call, from the spec's path template: the ids are percent-encoded as one path segment each
 * (as openapi-fetch encodes path parameters). The template is split once, when the client is made.
 */
function urlBuilder(baseUrl: string, template: string): (valueFor: (name: string) => unknown) => string {
  const fill = pathFiller(template);
  return (valueFor) => baseUrl + fill((name) => encodeURIComponent(String(valueFor(name))));
}

function createParticipantClient<P extends Provider>(provider: P, options: ClientOptions, setup: ProviderSetup): ParticipantClient<P> {
  const operation: ProviderOperation = providers[provider];
  const base = checkBaseUrl("baseUrl", options.baseUrl);
  const violations = [
    ...checkKnownKeys(options, [...COMMON_OPTIONS, ...setup.ownOptions], setup.factory),
    ...setup.violations,
    ...Object.keys(operation.server.variables).flatMap((name) => checkHostLabel(name, setup.serverVariables[name])),
    ...base.violations,
    ...checkType("fetch", options.fetch, "function"),
    ...checkTimeout("timeoutMs", options.timeoutMs),
    ...checkType("validateResponses", options.validateResponses, "boolean"),
    ...checkByteCount("maxResponseBytes", options.maxResponseBytes),
  ];
  if (violations.length > 0) throw new ClientOptionsError(setup.factory, violations);

  const shared = {
    baseUrl: serverUrl(operation, setup.serverVariables, base.origin),
    headers: {
      Authorization: authorization[operation.auth](setup.credentials),
      Accept: "application/json",
      "Content-Type": FORM,
      "User-Agent": USER_AGENT,
    },
    bodySerializer: serializeBody as never,
    // A redirect is answered as it is: credentials and the update never follow it to another place.
    redirect: "manual",
  } as const;
  const fetchClient = createFetchClient<paths>({ ...shared, ...(options.fetch ? { fetch: options.fetch } : {}) });
  // updateParticipant sends with fetch itself, not through fetchClient: openapi-fetch wraps every call in a
  // Request, whose string body undici then sends as a stream, and builds each request anew: a measurable cost
  // per call (BENCHMARKS.md, "Client"). Same URL, headers and body.
  const headers = shared.headers;
  const send = options.fetch;
  const pathArgs = pathArguments(operation);
  const urlOf = urlBuilder(shared.baseUrl, operation.path);
  const argumentOf: Readonly<Record<string, IdName>> = Object.fromEntries(pathArgs);
  const method = operation.method.toUpperCase();
  const { timeoutMs, validateResponses = false, maxResponseBytes = MAX_RESPONSE_BYTES } = options;

  async function updateParticipant(params: UpdateParticipantParams<P>): Promise<UpdateParticipantResult<P>> {
    const shape = checkObject("params", params, "an object with conferenceSid, callSid and body");
    if (shape.length > 0) throw new RequestValidationError(shape);
    const ids: Record<IdName, unknown> = {
      accountSid: params.accountSid ?? setup.accountSid,
      conferenceSid: params.conferenceSid,
      callSid: params.callSid,
    };
    const body = snapshotBody(params.body);
    const problems: Violation[] = [];
    const add = (found: readonly Violation[]) => {
      if (found.length > 0) problems.push(...found);
    };
    add(checkKnownKeys(params, PARAM_NAMES, "updateParticipant"));
    for (const [, argument] of pathArgs) add(checkPathId(argument, ids[argument]));
    add(checkSignal("signal", params.signal));
    add(body.violations);
    if (body.violations.length === 0) {
      const checked = validateUpdateRequest(provider, body.value);
      if (!checked.ok) add(checked.errors);
    }
    if (problems.length > 0) throw new RequestValidationError(problems);

    const url = urlOf((specName) => ids[argumentOf[specName]!]);
    const init: RequestInit = { method, headers, body: serializeForm(body.value), redirect: shared.redirect };
    const signal = combineSignals(params.signal, timeoutMs);
    if (signal !== undefined) init.signal = signal;
    const response = await (send ? send(new Request(url, init)) : fetch(url, init));
    const text = await readText(response, maxResponseBytes);
    if (!response.ok) {
      const error = readJson(text);
      return { error: (error.ok ? error.value : text) as ErrorBody<P> | string, response };
    }
    const json = readJson(text);
    if (!json.ok) {
      throw new ResponseValidationError(response, text, [
        { code: "invalid_json", path: "", message: "is not JSON", expected: "a participant as JSON", received: describeValue(text) },
      ]);
    }
    if (validateResponses) {
      const checked = validateParticipant(provider, json.value);
      if (!checked.ok) throw new ResponseValidationError(response, json.value, checked.errors);
    }
    return { data: json.value as Participant<P>, response };
  }

  return Object.freeze({ updateParticipant, fetchClient });
}

function checkedOptions<T>(options: T, factory: string): T {
  const shape = checkObject("options", options, "an object of options");
  if (shape.length > 0) throw new ClientOptionsError(factory, shape);
  return options;
}

/** A client for SignalWire's Compatibility (LaML) API: HTTP Basic with the Project ID and API token. */
export function createSignalWireClient(options: SignalWireClientOptions): SignalWireClient {
  const { space, projectId, apiToken } = checkedOptions(options, "createSignalWireClient");
  return createParticipantClient("signalwire", options, {
    factory: "createSignalWireClient",
    ownOptions: ["space", "projectId", "apiToken"],
    violations: [...checkSecret("projectId", projectId, "user"), ...checkSecret("apiToken", apiToken, "visible")],
    credentials: { user: projectId, secret: apiToken },
    serverVariables: { space },
    accountSid: projectId,
  });
}

/** A client for Telnyx's TeXML API: Bearer with the API key. */
export function createTelnyxClient(options: TelnyxClientOptions): TelnyxClient {
  const { apiKey, accountSid } = checkedOptions(options, "createTelnyxClient");
  return createParticipantClient("telnyx", options, {
    factory: "createTelnyxClient",
    ownOptions: ["apiKey", "accountSid"],
    violations: [...checkSecret("apiKey", apiKey, "visible"), ...checkPathId("accountSid", accountSid)],
    credentials: { secret: apiKey },
    serverVariables: {},
    accountSid,
  });
}
