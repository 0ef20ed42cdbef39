/**
 * Credentials, checked in constant time, with what runs in Node, browsers and workers alike (the mock's core
 * also serves MSW handlers). No object of the mock holds a credential in the clear: each expected value is
 * kept masked with random bytes drawn at start, so logging or inspecting one shows noise.
 */
import { providers, type Provider } from "../contract/providers.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";

export interface CredentialOptions {
  projectId?: string;
  apiToken?: string;
  telnyxApiKey?: string;
}

type AuthKind = (typeof providers)[Provider]["auth"];

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * RFC 7617's credentials: standard base64 (RFC 4648 §4) with its padding, nothing else. Missing padding,
 * the URL-safe alphabet, characters between or after the encoded ones, and bytes that are not UTF-8 are
 * refused (every client seen sends padded standard base64).
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** What an `Authorization` header carries, read by its scheme (in any letter case): `user:secret` or the token. */
function presented(kind: AuthKind, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const space = header.indexOf(" ");
  if (space === -1 || header.slice(0, space).toLowerCase() !== kind) return undefined;
  const value = header.slice(space + 1).trim();
  return kind === "basic" ? decodeBase64(value) : value;
}

/** How a client is challenged on 401, per auth kind (`WWW-Authenticate`). */
export const challenges = {
  basic: 'Basic realm="conference-participants mock"',
  bearer: undefined,
} as const;

/** An expected secret, kept XOR-masked; compared against a presented one in time that depends only on its length. */
class MaskedSecret {
  readonly #mask: Uint8Array;
  readonly #masked: Uint8Array;

  constructor(secret: string) {
    const bytes = utf8.encode(secret);
    this.#mask = crypto.getRandomValues(new Uint8Array(bytes.length));
    this.#masked = bytes.map((byte, i) => byte ^ this.#mask[i]!);
  }

  matches(presented: string): boolean {
    const given = utf8.encode(presented);
    let difference = given.length ^ this.#masked.length;
    for (let i = 0; i < this.#masked.length; i++) difference |= (given[i] ?? 0) ^ this.#mask[i]! ^ this.#masked[i]!;
    return difference === 0;
  }
}

export class Credentials {
  readonly #expected: Readonly<Record<Provider, MaskedSecret>>;
  /** Whether the built-in test credentials are in use, per provider (only those may be printed). */
  readonly usesDefaults: Readonly<Record<Provider, boolean>>;
  readonly projectId: string;

  constructor(options: CredentialOptions = {}) {
    this.projectId = options.projectId ?? DEFAULT_CREDENTIALS.projectId;
    const apiToken = options.apiToken ?? DEFAULT_CREDENTIALS.apiToken;
    const telnyxApiKey = options.telnyxApiKey ?? DEFAULT_CREDENTIALS.telnyxApiKey;
    this.#expected = { signalwire: new MaskedSecret(`${this.projectId}:${apiToken}`), telnyx: new MaskedSecret(telnyxApiKey) };
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
