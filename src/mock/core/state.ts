/**
 * The mock's state: its credentials, the participants (seeded from the fixtures), the journal and the
 * faults. The API's core and the admin API both work on it; neither knows the other.
 */
import { type Provider, providerNames } from "../../contract/providers.js";
import { credentialAccounts } from "./accounts.js";
import { type CredentialOptions, Credentials } from "./auth.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";
import { Faults } from "./faults.js";
import { defaultFixtures, type Fixtures, type SeededParticipant, seedParticipants } from "./fixtures.js";
import { Journal } from "./journal.js";
import { mockProviders } from "./providers/index.js";
import { ParticipantStore } from "./store.js";

export interface MockStateOptions extends CredentialOptions {
  /** The fixtures themselves. Default: the seeds' account, conference and participants. */
  fixtures?: Fixtures;
}

export class MockState {
  readonly credentials: Credentials;
  readonly seeded: readonly SeededParticipant[];
  readonly store: ParticipantStore;
  readonly journal = new Journal();
  readonly faults = new Faults();
  /** The account each provider's credentials open (SignalWire's Project ID, Telnyx's first account). */
  readonly owners: Readonly<Record<Provider, string | undefined>>;

  constructor(options: MockStateOptions = {}) {
    const { fixtures, ...given } = options;
    const named = (provider: Provider) => {
      const { account } = mockProviders[provider].credentials;
      return account === "firstSeeded" ? mockProviders[provider].seed.account : (given[account] ?? DEFAULT_CREDENTIALS[account]);
    };
    this.seeded = seedParticipants(fixtures ?? defaultFixtures(named));
    this.credentials = new Credentials(credentialAccounts(given, this.seeded), given);
    const { accounts } = this.credentials;
    this.store = new ParticipantStore(this.seeded);
    const owners = {} as Record<Provider, string | undefined>;
    for (const provider of providerNames) {
      owners[provider] = accounts[provider] ?? this.seeded.find((s) => s.ref.provider === provider)?.ref.account;
    }
    this.owners = owners;
  }

  /** A seeded participant of the account a provider's credentials open (for the start banner's sample). */
  ownedSample(provider: Provider): SeededParticipant | undefined {
    return this.seeded.find((s) => s.ref.provider === provider && s.ref.account === this.owners[provider]);
  }

  /** Participants back to the fixtures; journal and faults cleared. */
  reset(): void {
    this.store.reset();
    this.journal.clear();
    this.faults.clear();
  }
}
