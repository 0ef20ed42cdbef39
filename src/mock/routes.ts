/**
 * Which operation a request path is, and its path parameters. The paths come from the spec (through
 * src/providers.ts); the extra forms the mock answers on are the ones spec decision 9 documents.
 */
import { providerNames, providers, type Provider } from "../contract/providers.js";

export interface Route {
  provider: Provider;
  /** The path parameters in the spec's order: account, conference, call. */
  account: string;
  conference: string;
  call: string;
}

/** Each operation's documented path, with its server's base path (`/v2` for Telnyx). */
export function documentedPath(provider: Provider): string {
  const { server, path } = providers[provider];
  let url: string = server.url;
  for (const [name, value] of Object.entries(server.variables as Record<string, string>)) url = url.replace(`{${name}}`, value);
  return `${new URL(url).pathname.replace(/\/$/, "")}${path}`;
}

/** The forms of a documented path the mock also serves: the `.json` suffix, and the SDKs' path without `/api/laml`. */
const PATH_FORMS: readonly ((path: string) => string)[] = [
  (path) => `${path}.json`,
  (path) => `${path.replace(/^\/api\/laml(?=\/2010-04-01\/)/, "")}.json`,
  (path) => path,
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
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchTemplate(template: Template, parts: string[]): Route | undefined {
  if (parts.length !== template.segments.length) return undefined;
  const values: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const expected = template.segments[i]!;
    let part = parts[i]!;
    if (typeof expected === "string") {
      if (part !== expected) return undefined;
      continue;
    }
    if (i === parts.length - 1 && template.suffix !== "") {
      if (!part.endsWith(template.suffix)) return undefined;
      part = part.slice(0, -template.suffix.length);
    }
    const value = decode(part);
    if (value === undefined || value === "") return undefined;
    values[expected] = value;
  }
  const [account, conference, call] = values;
  if (account === undefined || conference === undefined || call === undefined) return undefined;
  return { provider: template.provider, account, conference, call };
}

/** The route of a request path (without its query), or undefined when it is none of the operations' paths. */
export function matchRoute(pathname: string): Route | undefined {
  const parts = pathname.split("/");
  for (const template of templates) {
    const route = matchTemplate(template, parts);
    if (route !== undefined) return route;
  }
  return undefined;
}

/** The participant's own `uri`: its documented path with `.json`, ids percent-encoded where needed. */
export function participantUri(provider: Provider, ids: { account: string; conference: string; call: string }): string {
  const names = providers[provider].pathParameters as readonly string[];
  const values = [ids.account, ids.conference, ids.call];
  let path = documentedPath(provider);
  names.forEach((name, i) => {
    path = path.replace(`{${name}}`, encodeURIComponent(values[i]!).replace(/%3A/gi, ":"));
  });
  return `${path}.json`;
}
