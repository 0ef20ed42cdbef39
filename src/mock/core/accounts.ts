/**
 * Which account each provider's credentials open. Where the credentials name it (SignalWire's Project ID,
 * Twilio's Account SID: `credentials.account` in the provider's file), the option given, or else the built-in
 * test one, or else, when a fixtures file has no such account, the fixtures' own first account, so a fixtures
 * file works with the built-in credentials. An option that names no account of the fixtures is refused before
 * the mock starts, naming the option. A Bearer key names none: it opens the provider's first account.
 */
import { type Provider, providerNames } from "../../contract/providers.js";
import { FixtureError } from "../../errors/fixture-error.js";
import { type CredentialOptions, credentialFlag, DEFAULT_CREDENTIALS } from "./defaults.js";
import type { SeededParticipant } from "./fixtures.js";
import { sameId } from "./participant-ref.js";
import { mockProviders } from "./providers/index.js";

/** The account a provider's credentials open, as `options` give it (undefined: the first the fixtures have). */
function namedAccount(provider: Provider, options: CredentialOptions, seeded: readonly SeededParticipant[]): string | undefined {
  const { account } = mockProviders[provider].credentials;
  if (account === "firstSeeded") return undefined;
  const accounts = [...new Set(seeded.filter((s) => s.ref.provider === provider).map((s) => s.ref.account))];
  const given = options[account];
  if (given !== undefined) {
    if (accounts.length === 0 || accounts.some((sid) => sameId(sid, given))) return given;
    const listed = accounts.slice(0, 5).join(", ");
    throw new FixtureError(
      `${account} (--${credentialFlag(account)}) ${JSON.stringify(given.slice(0, 80))} names no ${provider} account of the fixtures (${listed}); give one of them, or leave it out`,
    );
  }
  const fallback = DEFAULT_CREDENTIALS[account];
  return accounts.length === 0 || accounts.some((sid) => sameId(sid, fallback)) ? fallback : accounts[0];
}

/** Each provider's account option as the credentials take it: the account they open, where they name one. */
export function credentialAccounts(options: CredentialOptions, seeded: readonly SeededParticipant[]): CredentialOptions {
  const resolved: CredentialOptions = { ...options };
  for (const provider of providerNames) {
    const { account } = mockProviders[provider].credentials;
    const sid = namedAccount(provider, options, seeded);
    if (account !== "firstSeeded" && sid !== undefined && options[account] === undefined) resolved[account] = sid;
  }
  return resolved;
}
