/**
 * What the journal never keeps: credentials. A header or query parameter is a credential when its name is one
 * of the standard ones or says what it holds (`auth`, `token`, `key`, `secret`, `passw`, `session`,
 * `signature`, `credential`); a request target's user-info is one too. Each is written `[redacted]`. The
 * list is the admin document's (`JournalEntry`).
 */
import { rememberedTest } from "./fast-paths.js";

export const REDACTED = "[redacted]";

const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
const CREDENTIAL_WORDS = /auth|token|key|secret|passw|session|signature|credential/i;

/** Whether a header or query parameter name says it holds a credential. */
export const isCredentialName = rememberedTest((name: string) => CREDENTIAL_HEADERS.has(name.toLowerCase()) || CREDENTIAL_WORDS.test(name));

/** Headers as the journal keeps them: every credential's value redacted (a new object; the given one is left alone). */
export function redactedHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) kept[name] = isCredentialName(name) ? REDACTED : value;
  }
  return kept;
}

/** A request target as the journal keeps it: user-info and credential query values redacted. */
export function redactedTarget(target: string): string {
  if (!target.includes("?") && !target.includes("@")) return target;
  let rest = target;
  const authority = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)/i.exec(rest);
  if (authority) rest = `${authority[1]}${REDACTED}@${rest.slice(authority[0].length)}`;
  const query = rest.indexOf("?");
  if (query === -1) return rest;
  const pairs = rest
    .slice(query + 1)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // A malformed escape: the name is judged as it was sent.
      }
      return equals !== -1 && isCredentialName(decoded) ? `${name}=${REDACTED}` : pair;
    });
  return `${rest.slice(0, query)}?${pairs.join("&")}`;
}
