/**
 * Credentials, checked in constant time, with what runs in Node, browsers and workers alike (the mock's core
 * also serves MSW handlers). No object of the mock holds a credential in the clear: each expected value is
 * kept masked with random values drawn at start, so logging or inspecting one shows noise.
 */
import { providers, type Provider } from "../contract/providers.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";

export interface CredentialOptions {
  projectId?: string;
  apiToken?: string;
  telnyxApiKey?: string;
}

type AuthKind = (typeof providers)[Provider]["auth"];

/**
 * The token an `Authorization` header must carry after its scheme, per auth kind. Basic: RFC 7617's
 * `user:password` in UTF-8, as standard base64 (RFC 4648 §4) with its padding. An encoding is unique, so
 * the token is compared as it is: missing padding, the URL-safe alphabet, characters between or after the
 * encoded ones, or other bytes are a different token (every client seen sends the padded standard form).
 */
const expectedToken: Record<AuthKind, (user: string, secret: string) => string> = {
  basic: (user, secret) => {
    let binary = "";
    for (const byte of new TextEncoder().encode(`${user}:${secret}`)) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
  bearer: (_user, secret) => secret,
};

/** The token a header presents for an auth kind: what follows the scheme (in any letter case), trimmed. */
function presented(kind: AuthKind, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const space = header.indexOf(" ");
  if (space !== kind.length || header.slice(0, space).toLowerCase() !== kind) return undefined;
  return header.slice(space + 1).trim();
}

/** How a client is challenged on 401, per auth kind (`WWW-Authenticate`). */
export const challenges = {
  basic: 'Basic realm="conference-participants mock"',
  bearer: undefined,
} as const;

/** An expected token, kept XOR-masked; compared against a presented one in time that depends only on its length. */
class MaskedToken {
  readonly #mask: Uint16Array;
  readonly #masked: Uint16Array;

  constructor(token: string) {
    this.#mask = crypto.getRandomValues(new Uint16Array(token.length));
    this.#masked = new Uint16Array(token.length);
    for (let i = 0; i < token.length; i++) this.#masked[i] = token.charCodeAt(i) ^ this.#mask[i]!;
  }

  matches(given: string): boolean {
    const mask = this.#mask;
    const masked = this.#masked;
    let difference = given.length ^ masked.length;
    // Past the end of `given`, charCodeAt is NaN, which `|` reads as 0: a shorter token still differs by its length.
    for (let i = 0; i < masked.length; i++) difference |= given.charCodeAt(i) ^ mask[i]! ^ masked[i]!;
    return difference === 0;
  }
}

export class Credentials {
  readonly #expected: Readonly<Record<Provider, MaskedToken>>;
  /** Whether the built-in test credentials are in use, per provider (only those may be printed). */
  readonly usesDefaults: Readonly<Record<Provider, boolean>>;
  readonly projectId: string;

  constructor(options: CredentialOptions = {}) {
    this.projectId = options.projectId ?? DEFAULT_CREDENTIALS.projectId;
    const apiToken = options.apiToken ?? DEFAULT_CREDENTIALS.apiToken;
    const telnyxApiKey = options.telnyxApiKey ?? DEFAULT_CREDENTIALS.telnyxApiKey;
    const token = (provider: Provider, user: string, secret: string) =>
      new MaskedToken(expectedToken[providers[provider].auth](user, secret));
    this.#expected = { signalwire: token("signalwire", this.projectId, apiToken), telnyx: token("telnyx", "", telnyxApiKey) };
    this.usesDefaults = {
      signalwire: options.projectId === undefined && options.apiToken === undefined,
      telnyx: options.telnyxApiKey === undefined,
    };
  }

  /** True when `header` carries exactly the provider's expected credentials. */
  accepts(provider: Provider, header: string | undefined): boolean {
    const given = presented(providers[provider].auth, header);
    return this.#expected[provider].matches(given ?? "") && given !== undefined;
  }

  toJSON(): string {
    return "[Credentials]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[Credentials]";
  }
}
