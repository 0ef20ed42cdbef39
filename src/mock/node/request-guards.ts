/**
 * What the node:http transport refuses before a request reaches the mock's core: a request line of another
 * HTTP version, a missing or repeated `Host` (RFC 9112 §3.2), and a `Host` the mock does not answer on. The last
 * closes DNS rebinding: a web page can make a host name of its own resolve to 127.0.0.1, but it cannot make the
 * browser send a loopback `Host` for it.
 */
import type { IncomingMessage } from "node:http";
import type { MockFailure } from "../core/failures.js";
import { rememberedTest } from "../core/fast-paths.js";

/** Whether a host name (no port) is a loopback name or address: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** A `Host` header's host name: its port, and an IPv6 address's brackets, taken off. */
export function hostnameOf(host: string): string {
  const trimmed = host.trim();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  const colon = trimmed.indexOf(":");
  return colon === -1 ? trimmed : trimmed.slice(0, colon);
}

/** How many `Host` headers a request carries (node:http keeps the first one only). */
function hostCount(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.length === 4 && req.rawHeaders[i]!.toLowerCase() === "host") count++;
  return count;
}

/** Whether a `Host` header names a host the mock answers on: a loopback one, or one of `allowed` (host names in lower case). */
export function hostTest(allowed: ReadonlySet<string>): (host: string) => boolean {
  return rememberedTest((host) => {
    const hostname = hostnameOf(host).toLowerCase();
    return isLoopbackHost(hostname) || allowed.has(hostname);
  });
}

/** Why the transport refuses a request outright, or undefined. `answersOn` is the server's `hostTest`. */
export function requestRefusal(req: IncomingMessage, answersOn: (host: string) => boolean): MockFailure | undefined {
  if (req.httpVersionMajor !== 1) {
    return { reason: "httpVersion", detail: `HTTP/${req.httpVersion} is not supported; send HTTP/1.1.` };
  }
  const host = req.headers.host;
  // HTTP/1.1 requires Host (RFC 9112 §3.2); node:http's own refusal would not be JSON.
  if (host === undefined) {
    return req.httpVersionMinor === 1 ? { reason: "unreadable", detail: "The request has no Host header." } : undefined;
  }
  if (hostCount(req) > 1) return { reason: "unreadable", detail: "The request has more than one Host header." };
  if (answersOn(host)) return undefined;
  const shown = JSON.stringify(hostnameOf(host).toLowerCase().slice(0, 100)).slice(1, -1);
  return {
    reason: "forbidden",
    detail: `The Host ${shown} is not one this mock answers on; start it with --allow-host ${shown} to allow it.`,
  };
}
