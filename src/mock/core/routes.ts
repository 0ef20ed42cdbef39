/**
 * Which operation a request path is, and which participant it names. The paths come from the spec (through
 * src/contract/providers.ts); the other forms each provider is also called on are in its file in `providers/`.
 */
import { fillPath, pathMatcher, type PathMatcher } from "../../contract/path-template.js";
import { type Provider, providerNames, providers } from "../../contract/providers.js";
import { rememberRoutes } from "./fast-paths.js";
import { type ParticipantRef, refKey } from "./participant-ref.js";
import { mockProviders } from "./providers/index.js";

/** A path routed to an operation: the participant it names, and that participant's key in the store. */
export interface Route extends ParticipantRef {
  readonly key: string;
}

/** Each operation's server's base path: `/v2` for Telnyx, "" for a server at its host's root. */
const basePaths = Object.fromEntries(
  providerNames.map((provider) => {
    const { server } = providers[provider];
    const variables = server.variables as Readonly<Record<string, string>>;
    return [provider, new URL(fillPath(server.url, (name) => variables[name] ?? "")).pathname.replace(/\/$/, "")];
  }),
) as Readonly<Record<Provider, string>>;
const serverBasePath = (provider: Provider) => basePaths[provider];

/** Each operation's documented path, with its server's base path (`/v2` for Telnyx). */
export const documentedPath = (provider: Provider): string => `${serverBasePath(provider)}${providers[provider].path}`;

/** A request path relative to its operation's server: `/texml/Accounts/…` for Telnyx's `/v2/texml/Accounts/…`. */
export function serverPathOf(provider: Provider, path: string): string {
  const base = serverBasePath(provider);
  return base !== "" && path.startsWith(`${base}/`) ? path.slice(base.length) : path;
}

/** The forms of a provider's documented path the mock serves, the documented one first. */
function servedPaths(provider: Provider): string[] {
  const documented = documentedPath(provider);
  return [...new Set([documented, ...mockProviders[provider].pathForms.map((form) => form(documented))])];
}

interface Template {
  readonly provider: Provider;
  readonly match: PathMatcher;
  /** The spec's names of the account, conference and call parameters, in that order. */
  readonly names: readonly string[];
}

/**
 * The forms of each documented path the mock serves, the documented one first: an id that itself ends in
 * `.json` (a Telnyx label) is matched as it is before the suffix is read off it.
 */
const templates: readonly Template[] = providerNames.flatMap((provider) => {
  const names = providers[provider].pathParameters as readonly string[];
  return servedPaths(provider).map((form) => ({ provider, match: pathMatcher(form), names }));
});

function routesOf(pathname: string): readonly Route[] {
  const parts = pathname.split("/");
  const routes: Route[] = [];
  for (const { provider, match, names } of templates) {
    const values = match(parts);
    if (values === undefined) continue;
    const ref = { provider, account: values[names[0]!]!, conference: values[names[1]!]!, call: values[names[2]!]! };
    routes.push(Object.freeze({ ...ref, key: refKey(ref) }));
  }
  return Object.freeze(routes);
}

/**
 * The routes a request path (without its query) can be, most literal first: `…/Participants/agent.json` is
 * the participant `agent.json`, or `agent` by the `.json` form. Empty when it is none of the operations' paths.
 */
export const matchRoutes = rememberRoutes(routesOf);

/** Each provider's leading path segments (`/api`, `/2010-04-01`, `/v2`), for paths that match no route. */
const prefixes = providerNames.flatMap((provider) =>
  servedPaths(provider).map((path) => ({ provider, prefix: `${path.split("/").slice(0, 2).join("/")}/` })),
);

/** The provider whose paths `pathname` looks like, though it matches no route; undefined when it looks like none. */
export function resembledProvider(pathname: string): Provider | undefined {
  return prefixes.find(({ prefix }) => `${pathname}/`.startsWith(prefix))?.provider;
}

/** The participant's own `uri`: its documented path, ending in `.json`, ids percent-encoded where needed. */
export function participantUri(ref: ParticipantRef): string {
  const names = providers[ref.provider].pathParameters as readonly string[];
  const values = [ref.account, ref.conference, ref.call];
  const path = fillPath(documentedPath(ref.provider), (name) => encodeURIComponent(values[names.indexOf(name)]!).replace(/%3A/gi, ":"));
  return path.endsWith(".json") ? path : `${path}.json`;
}
