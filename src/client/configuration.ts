/**
 * A client's configuration, checked and prepared once when the client is made: the provider's operation, the
 * server URL, the headers (credentials among them), the path template split once, and how a request is sent.
 * `updateParticipant` and `fetchClient` both work from it.
 */
import createFetchClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/types.js";
import { serializeForm } from "../contract/form.js";
import { fillPath, pathFiller } from "../contract/path-template.js";
import { type Provider, type ProviderOperation, providers } from "../contract/providers.js";
import type { Violation } from "../contract/violations.js";
import { ClientOptionsError } from "../errors/client-options-error.js";
import { authorization, type Credentials } from "./authorization.js";
import { checkByteCount, checkHostLabel, checkKnownKeys, checkServerUrl, checkTimeout, checkType } from "./checks.js";
import { CLIENT_DEFAULTS } from "./defaults.js";
import { isMockCredentials, refusingMockCredentials } from "./mock-credentials.js";
import type { ClientOptions } from "./types.js";
import { USER_AGENT } from "./user-agent.js";

const FORM = "application/x-www-form-urlencoded";
const COMMON_OPTIONS = ["baseUrl", "serverUrl", "fetch", "timeoutMs", "validateResponses", "maxResponseBytes"] as const;

/** The ids a call names, by the client's names for them. */
export const ID_NAMES = ["accountSid", "conferenceSid", "callSid"] as const;
export type IdName = (typeof ID_NAMES)[number];

/** What a provider's factory hands the common part: its own options, already checked. */
export interface ProviderSetup {
  factory: string;
  ownOptions: readonly string[];
  violations: Violation[];
  credentials: Credentials;
  /** Values for the `{variables}` of the provider's server URL. */
  serverVariables: Readonly<Record<string, unknown>>;
  accountSid: string;
}

/** Everything a call needs, made once per client. */
export interface ClientConfiguration<P extends Provider> {
  readonly provider: P;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The request URL for a call's ids (each percent-encoded as one path segment). */
  readonly urlOf: (ids: Readonly<Record<IdName, unknown>>) => string;
  /** The spec's name of the path parameter each id fills (`callSid` → `call_sid_or_participant_label`). */
  readonly parameterOf: Readonly<Record<IdName, string>>;
  /** Sends one request: with the global fetch as it is, or through the caller's `fetch` as a `Request`. */
  readonly send: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether calls go to the spec's own server (neither `baseUrl` nor `serverUrl` was given). */
  readonly defaultServer: boolean;
  readonly accountSid: string;
  /** Milliseconds a call may take, body included; 0 for no limit. */
  readonly timeoutMs: number;
  readonly validateResponses: boolean;
  readonly maxResponseBytes: number;
  readonly fetchClient: Client<paths>;
}

/**
 * Each path parameter of the spec with the argument that fills it. The rule: every operation's path
 * parameters are, in the spec's order, the account, the conference and the participant's call, whatever the
 * provider names them (`AccountSid`, `account_sid`, `call_sid_or_participant_label`); they map by position to
 * `accountSid`, `conferenceSid` and `callSid`, as the mock's routes read them.
 */
function argumentOf(operation: ProviderOperation): Readonly<Record<string, IdName>> {
  const names = operation.pathParameters as readonly string[];
  if (names.length !== ID_NAMES.length) {
    throw new Error(`The spec's path parameters ${names.join(", ")} are not an account, a conference and a call`);
  }
  return Object.fromEntries(names.map((specName, i) => [specName, ID_NAMES[i]!]));
}

/** The spec's server URL with its variables filled, its origin replaced by `baseUrl`; or `serverUrl`, whole. */
function serverUrlOf(operation: ProviderOperation, variables: Readonly<Record<string, unknown>>, given: UrlOptions): string {
  if (given.serverUrl !== undefined) return given.serverUrl;
  const filled = new URL(fillPath(operation.server.url, (name) => String(variables[name])));
  const path = filled.pathname.replace(/\/$/, "");
  return `${given.baseUrl ?? filled.origin}${path}`;
}

interface UrlOptions {
  baseUrl?: string | undefined;
  serverUrl?: string | undefined;
}

/** `baseUrl` and `serverUrl` checked, and not both given. */
function checkUrls(options: ClientOptions): UrlOptions & { violations: Violation[] } {
  const base = checkServerUrl("baseUrl", options.baseUrl);
  const server = checkServerUrl("serverUrl", options.serverUrl);
  const violations = [...base.violations, ...server.violations];
  if (options.baseUrl !== undefined && options.serverUrl !== undefined) {
    const message = "cannot be given with baseUrl: baseUrl replaces the server's origin, serverUrl the whole server URL; give one";
    violations.push({ code: "invalid_value", path: "serverUrl", message, expected: "serverUrl or baseUrl, not both" });
  }
  return { baseUrl: base.url, serverUrl: server.url, violations };
}

/**
 * How calls are sent: with the global fetch as it is, or through the caller's `fetch` as a `Request`; and what
 * `fetchClient` is given. With the mock's test credentials and the provider's own server, both refuse instead.
 */
function senders(custom: ClientOptions["fetch"], mockCredentials: boolean, factory: string) {
  const send = custom
    ? (url: string, init: RequestInit) => custom(new Request(url, init))
    : (url: string, init: RequestInit) => fetch(url, init);
  if (!mockCredentials) return { send, fetchClientFetch: custom };
  // The global fetch read at each call, as `send` does, so interception set up after the client was made applies.
  const fetchClientFetch = refusingMockCredentials(custom ?? ((request: Request) => fetch(request)), factory);
  return { send: refusingMockCredentials(send, factory), fetchClientFetch };
}

function serializeBody(body: unknown, headers?: Headers): string {
  const type = headers?.get("Content-Type");
  return type === FORM ? serializeForm(body as Record<string, unknown>) : JSON.stringify(body);
}

/** The client's options checked (every problem in one `ClientOptionsError`), then prepared for calls. */
export function configure<P extends Provider>(provider: P, options: ClientOptions, setup: ProviderSetup): ClientConfiguration<P> {
  const operation: ProviderOperation = providers[provider];
  const urls = checkUrls(options);
  const violations = [
    ...checkKnownKeys(options, [...COMMON_OPTIONS, ...setup.ownOptions], setup.factory),
    ...setup.violations,
    ...Object.keys(operation.server.variables).flatMap((name) => checkHostLabel(name, setup.serverVariables[name])),
    ...urls.violations,
    ...checkType("fetch", options.fetch, "function"),
    ...checkTimeout("timeoutMs", options.timeoutMs),
    ...checkType("validateResponses", options.validateResponses, "boolean"),
    ...checkByteCount("maxResponseBytes", options.maxResponseBytes),
  ];
  if (violations.length > 0) throw new ClientOptionsError(setup.factory, violations);

  const baseUrl = serverUrlOf(operation, setup.serverVariables, urls);
  const defaultServer = urls.baseUrl === undefined && urls.serverUrl === undefined;
  const headers = {
    Authorization: authorization[operation.auth](setup.credentials),
    Accept: "application/json",
    "Content-Type": FORM,
    "User-Agent": USER_AGENT,
  };
  // A redirect is answered as it is: credentials and the update never follow it to another place.
  const shared = { baseUrl, headers, bodySerializer: serializeBody as never, redirect: "manual" } as const;
  const { send, fetchClientFetch } = senders(options.fetch, defaultServer && isMockCredentials(setup.credentials), setup.factory);
  const fill = pathFiller(operation.path);
  const argument = argumentOf(operation);
  const parameterOf = Object.fromEntries(Object.entries(argument).map(([specName, id]) => [id, specName])) as Record<IdName, string>;
  return {
    provider,
    method: operation.method.toUpperCase(),
    headers,
    urlOf: (ids) => baseUrl + fill((name) => encodeURIComponent(String(ids[argument[name]!]))),
    parameterOf,
    send,
    defaultServer,
    accountSid: setup.accountSid,
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    validateResponses: options.validateResponses ?? false,
    maxResponseBytes: options.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes,
    fetchClient: createFetchClient<paths>({ ...shared, ...(fetchClientFetch ? { fetch: fetchClientFetch } : {}) }),
  };
}
