/**
 * Credentials, checked in constant time, with what runs in Node, browsers and workers alike (the mock's core
 * also serves MSW handlers). No object of the mock holds a credential in the clear: each expected value is
 * kept masked with random values drawn at start, so logging or inspecting one shows noise.
 */
import { type Provider, providerNames, providers } from "../../contract/providers.js";
import { type CredentialOptions, DEFAULT_CREDENTIALS } from "./defaults.js";
import { startsWithScheme } from "./fast-paths.js";
import { mockProviders } from "./providers/index.js";

export type { CredentialOptions } from "./defaults.js";

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

/** Whether `text` from `start` is one of the tokens; every token is compared, so the time says not which. */
function matchesAny(tokens: readonly MaskedToken[], text: string, start = 0): boolean {
  let matched = false;
  for (const token of tokens) if (token.matches(text, start)) matched = true;
  return matched;
}

/** The value of one of the credential options: the one given, or the built-in test credential. */
const optionValue = (options: CredentialOptions, name: keyof CredentialOptions) => options[name] ?? DEFAULT_CREDENTIALS[name];

export class Credentials {
  readonly #expected: Readonly<Record<Provider, readonly MaskedToken[]>>;
  /** Whether the built-in test secret is in use, per provider (only it may be printed; a user's never is). */
  readonly usesDefaults: Readonly<Record<Provider, boolean>>;
  /** Each provider's first Basic user (SignalWire's Project ID, Twilio's Account SID), which is no secret; undefined for a Bearer key. */
  readonly users: Readonly<Record<Provider, string | undefined>>;
  /** The account each provider's credentials name, where they name one (SignalWire's Project ID, Twilio's Account SID). */
  readonly accounts: Readonly<Record<Provider, string | undefined>>;

  /**
   * `options` are the credentials to expect (the accounts resolved, `accounts.ts`); `given` those the user
   * gave, which decide which built-in secrets are in use and so may be printed.
   */
  constructor(options: CredentialOptions = {}, given: CredentialOptions = options) {
    const expected = {} as Record<Provider, MaskedToken[]>;
    const usesDefaults = {} as Record<Provider, boolean>;
    const users = {} as Record<Provider, string | undefined>;
    const accounts = {} as Record<Provider, string | undefined>;
    for (const provider of providerNames) {
      const { pairs, account } = mockProviders[provider].credentials;
      expected[provider] = pairs.map(({ user, secret }) => {
        const userValue = user === undefined ? "" : optionValue(options, user);
        return new MaskedToken(expectedToken[providers[provider].auth](userValue, optionValue(options, secret)));
      });
      const first = pairs[0]!;
      users[provider] = first.user === undefined ? undefined : optionValue(options, first.user);
      accounts[provider] = account === "firstSeeded" ? undefined : optionValue(options, account);
      usesDefaults[provider] = given[pairs[0]!.secret] === undefined;
    }
    this.#expected = expected;
    this.usesDefaults = usesDefaults;
    this.users = users;
    this.accounts = accounts;
  }

  /**
   * True when `header` carries exactly the provider's expected credentials: after the scheme (in any letter
   * case) and a space, the token, trimmed. A missing header or another scheme is compared too, as an empty
   * token, so the time taken does not say which it was.
   */
  accepts(provider: Provider, header: string | undefined): boolean {
    const kind = providers[provider].auth;
    const expected = this.#expected[provider];
    if (header === undefined || !startsWithScheme(kind, header)) return matchesAny(expected, "") && false;
    const start = kind.length + 1;
    if (mayBeSpace(header.charCodeAt(start)) || mayBeSpace(header.charCodeAt(header.length - 1))) {
      return matchesAny(expected, header.slice(start).trim());
    }
    return matchesAny(expected, header, start);
  }

  toJSON(): string {
    return "[Credentials]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[Credentials]";
  }
}
