/**
 * Which operation a request path is, and its path parameters. The paths come from the spec (through
 * src/contract/providers.ts); the extra forms the mock answers on are the ones spec decision 9 documents.
 */
import { fillPath } from "../contract/paths.js";
import { type Provider, providerNames, providers } from "../contract/providers.js";

export interface Route {
  provider: Provider;
  /** The path parameters in the spec's order: account, conference, call. */
  account: string;
  conference: string;
  call: string;
  /** The participant's store key, made once per route (it is looked up several times per request). */
  key: string;
}

/** The string a participant is stored under: its provider and ids. */
export const participantKey = (provider: Provider, account: string, conference: string, call: string) =>
  `${provider}\u0000${account}\u0000${conference}\u0000${call}`;

/** Each operation's documented path, with its server's base path (`/v2` for Telnyx). */
export function documentedPath(provider: Provider): string {
  const { server, path } = providers[provider];
  const variables = server.variables as Readonly<Record<string, string>>;
  const url = fillPath(server.url, (name) => variables[name] ?? "");
  return `${new URL(url).pathname.replace(/\/$/, "")}${path}`;
}

/**
 * The forms of a documented path the mock serves: the path itself, with the `.json` suffix, and the SDKs'
 * path without `/api/laml`. In this order: an id that itself ends in `.json` (a Telnyx label) is matched as
 * it is before the suffix is read off it.
 */
const PATH_FORMS: readonly ((path: string) => string)[] = [
  (path) => path,
  (path) => `${path}.json`,
  (path) => `${path.replace(/^\/api\/laml(?=\/2010-04-01\/)/, "")}.json`,
];

interface Template {
  provider: Provider;
  /** Literal segments as strings, parameters as their index among the path parameters. */
  segments: (string | number)[];
  suffix: string;
}

function compile(provider: Provider, path: string): Template {
  const suffix = path.endsWith(".json") ? ".json" : "";
  const names = providers[provider].pathParameters as readonly string[];
  const segments = path
    .slice(0, path.length - suffix.length)
    .split("/")
    .map((segment) => {
      const match = /^\{(.+)\}$/.exec(segment);
      return match ? names.indexOf(match[1]!) : segment;
    });
  return { provider, segments, suffix };
}

const templates: Template[] = [];
for (const provider of providerNames) {
  const seen = new Set<string>();
  for (const form of PATH_FORMS) {
    const path = form(documentedPath(provider));
    if (seen.has(path)) continue;
    seen.add(path);
    templates.push(compile(provider, path));
  }
}

function decode(segment: string): string | undefined {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route `parts` are by `template`: its literal segments compared first, the ids decoded only then. */
function matchTemplate(template: Template, parts: string[]): Route | undefined {
  const { segments, suffix } = template;
  if (parts.length !== segments.length) return undefined;
  for (let i = 0; i < parts.length; i++) {
    const expected = segments[i]!;
    if (typeof expected === "string" && parts[i] !== expected) return undefined;
  }
  const last = parts[parts.length - 1]!;
  if (suffix !== "" && !last.endsWith(suffix)) return undefined;
  const values: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const expected = segments[i]!;
    if (typeof expected === "string") continue;
    const part = i === parts.length - 1 && suffix !== "" ? last.slice(0, -suffix.length) : parts[i]!;
    const value = decode(part);
    if (value === undefined || value === "") return undefined;
    values[expected] = value;
  }
  const [account, conference, call] = values;
  if (account === undefined || conference === undefined || call === undefined) return undefined;
  return { provider: template.provider, account, conference, call, key: participantKey(template.provider, account, conference, call) };
}

function routesOf(pathname: string): readonly Route[] {
  const parts = pathname.split("/");
  const routes: Route[] = [];
  for (const template of templates) {
    const route = matchTemplate(template, parts);
    if (route !== undefined) routes.push(Object.freeze(route));
  }
  return Object.freeze(routes);
}

/**
 * The routes of the paths requests came on lately: routing is a function of the path alone, and a client
 * repeats its few participants' paths. Bounded in entries and in path length; emptied when full.
 */
const recentRoutes = new Map<string, readonly Route[]>();
const RECENT_ROUTES_LIMIT = 1024;
const RECENT_PATH_LENGTH_LIMIT = 512;

/**
 * The routes a request path (without its query) can be, most literal first: `…/Participants/agent.json` is
 * the participant `agent.json`, or `agent` by the `.json` form. Empty when it is none of the operations' paths.
 */
export function matchRoutes(pathname: string): readonly Route[] {
  const recent = recentRoutes.get(pathname);
  if (recent !== undefined) return recent;
  const routes = routesOf(pathname);
  if (routes.length > 0 && pathname.length <= RECENT_PATH_LENGTH_LIMIT) {
    if (recentRoutes.size >= RECENT_ROUTES_LIMIT) recentRoutes.clear();
    recentRoutes.set(pathname, routes);
  }
  return routes;
}

/** Each provider's leading path segments (`/api`, `/2010-04-01`, `/v2`), for paths that match no route. */
const prefixes = templates.map((t) => ({ provider: t.provider, prefix: `${t.segments.slice(0, 2).join("/")}/` }));

/** The provider whose paths `pathname` looks like, though it matches no route; undefined when it looks like none. */
export function resembledProvider(pathname: string): Provider | undefined {
  return prefixes.find(({ prefix }) => `${pathname}/`.startsWith(prefix))?.provider;
}

/** The participant's own `uri`: its documented path with `.json`, ids percent-encoded where needed. */
export function participantUri(provider: Provider, ids: { account: string; conference: string; call: string }): string {
  const names = providers[provider].pathParameters as readonly string[];
  const values = [ids.account, ids.conference, ids.call];
  const path = fillPath(documentedPath(provider), (name) => encodeURIComponent(values[names.indexOf(name)]!).replace(/%3A/gi, ":"));
  return `${path}.json`;
}
