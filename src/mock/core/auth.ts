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

/** Whether a header starts with an auth kind's scheme, in any letter case, and one space. */
function hasScheme(kind: AuthKind, header: string): boolean {
  if (header.charCodeAt(kind.length) !== 0x20) return false;
  // The schemes are ASCII letters: `| 0x20` is lower case, and only a letter's two cases give it.
  for (let i = 0; i < kind.length; i++) if ((header.charCodeAt(i) | 0x20) !== kind.charCodeAt(i)) return false;
  return true;
}

/** Whether a character is one `trim()` may remove: ASCII space and controls, or outside ASCII. */
const mayBeSpace = (code: number) => code <= 0x20 || code >= 0x7f;

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

  /** Whether `text` from `start` to its end is the token (read in place: no copy of a header is made). */
  matches(text: string, start = 0): boolean {
    const mask = this.#mask;
    const masked = this.#masked;
    let difference = (text.length - start) ^ masked.length;
    // Past the end of `text`, charCodeAt is NaN, which `|` reads as 0: a shorter token still differs by its length.
    for (let i = 0; i < masked.length; i++) difference |= text.charCodeAt(start + i) ^ mask[i]! ^ masked[i]!;
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

  /**
   * True when `header` carries exactly the provider's expected credentials: after the scheme (in any letter
   * case) and a space, the token, trimmed. A missing header or another scheme is compared too, as an empty
   * token, so the time taken does not say which it was.
   */
  accepts(provider: Provider, header: string | undefined): boolean {
    const kind = providers[provider].auth;
    const expected = this.#expected[provider];
    if (header === undefined || !hasScheme(kind, header)) return expected.matches("") && false;
    const start = kind.length + 1;
    if (mayBeSpace(header.charCodeAt(start)) || mayBeSpace(header.charCodeAt(header.length - 1))) {
      return expected.matches(header.slice(start).trim());
    }
    return expected.matches(header, start);
  }

  toJSON(): string {
    return "[Credentials]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[Credentials]";
  }
}
