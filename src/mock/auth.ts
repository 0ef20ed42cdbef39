/**
 * Credentials, checked in constant time. Only digests of the expected credentials are kept, so no object
 * of the mock holds a credential that could be logged or inspected.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { providers, type Provider } from "../contract/providers.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";

export interface CredentialOptions {
  projectId?: string;
  apiToken?: string;
  telnyxApiKey?: string;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

type AuthKind = (typeof providers)[Provider]["auth"];

/** What an `Authorization` header carries, read by its scheme (in any letter case): `user:secret` or the token. */
function presented(kind: AuthKind, header: string | undefined): string {
  if (header === undefined) return "";
  const space = header.indexOf(" ");
  if (space === -1 || header.slice(0, space).toLowerCase() !== kind) return "";
  const value = header.slice(space + 1).trim();
  return kind === "basic" ? Buffer.from(value, "base64").toString("utf8") : value;
}

/** How a client is challenged on 401, per auth kind (`WWW-Authenticate`). */
export const challenges = {
  basic: 'Basic realm="conference-participants mock"',
  bearer: undefined,
} as const;

export class Credentials {
  readonly #digests: Readonly<Record<Provider, Buffer>>;
  /** Whether the built-in test credentials are in use, per provider (only those may be printed). */
  readonly usesDefaults: Readonly<Record<Provider, boolean>>;
  readonly projectId: string;

  constructor(options: CredentialOptions = {}) {
    this.projectId = options.projectId ?? DEFAULT_CREDENTIALS.projectId;
    const apiToken = options.apiToken ?? DEFAULT_CREDENTIALS.apiToken;
    const telnyxApiKey = options.telnyxApiKey ?? DEFAULT_CREDENTIALS.telnyxApiKey;
    this.#digests = { signalwire: digest(`${this.projectId}:${apiToken}`), telnyx: digest(telnyxApiKey) };
    this.usesDefaults = {
      signalwire: options.projectId === undefined && options.apiToken === undefined,
      telnyx: options.telnyxApiKey === undefined,
    };
  }

  /** True when `header` is exactly the provider's expected `Authorization`, compared in constant time. */
  accepts(provider: Provider, header: string | undefined): boolean {
    const expected = this.#digests[provider];
    const given = digest(presented(providers[provider].auth, header));
    return timingSafeEqual(given, expected) && header !== undefined;
  }

  toJSON(): string {
    return "[Credentials]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[Credentials]";
  }
}
