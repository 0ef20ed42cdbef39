/**
 * The mock's defaults: the seeds' ids (the accounts, conference and participants the published samples use)
 * and the built-in test credentials. Public by design: the mock prints them so the samples work as pasted.
 * The mock, the benchmarks and the tests all read them from here.
 */

/** The built-in test credentials, one option each; which provider uses which is in that provider's file in `providers/`. */
export const DEFAULT_CREDENTIALS = {
  projectId: "b3877c40-da60-4998-90ad-b792e98472af",
  apiToken: "PTmock-signalwire-api-token",
  telnyxApiKey: "KEYmock-telnyx-api-key",
  twilioAccountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  twilioAuthToken: "mock-twilio-auth-token",
  twilioApiKey: "SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  twilioApiSecret: "mock-twilio-api-key-secret",
} as const;

/** What each credential option is, as the CLI's help and the docs name it. */
export const CREDENTIAL_DESCRIPTIONS: Readonly<Record<keyof typeof DEFAULT_CREDENTIALS, string>> = {
  projectId: "SignalWire Project ID: the Basic user, and the account it opens",
  apiToken: "SignalWire API token: the Basic password",
  telnyxApiKey: "Telnyx API key, sent as a Bearer token",
  twilioAccountSid: "Twilio Account SID: a Basic user, and the account it opens",
  twilioAuthToken: "Twilio Auth Token: the Account SID's password",
  twilioApiKey: "Twilio API key SID (SK…): the other Basic user, for the same account",
  twilioApiSecret: "that API key's secret",
};

/** A credential option as the CLI spells it: `twilioAccountSid` is `twilio-account-sid` (the flag `--twilio-account-sid`). */
export const credentialFlag = (option: keyof typeof DEFAULT_CREDENTIALS): string =>
  option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The credentials the mock accepts, each defaulting to its built-in test value. */
export type CredentialOptions = { -readonly [Name in keyof typeof DEFAULT_CREDENTIALS]?: string };

/**
 * The seeds' ids: SignalWire's and Telnyx's one account (SignalWire's project id) and conference, with two
 * participants each; Twilio's account, conference and two participants, the first labelled `customer` (the ids
 * of Twilio's own examples).
 */
export const SEED_IDS = {
  account: DEFAULT_CREDENTIALS.projectId,
  conference: "b3877c40-da60-4998-90ad-b792e98472cf",
  signalwireCalls: ["b3877c40-da60-4998-90ad-b792e98472ca", "b3877c40-da60-4998-90ad-b792e98472cb"],
  telnyxCalls: ["v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ", "v3:mock-participant-2"],
  twilioAccount: DEFAULT_CREDENTIALS.twilioAccountSid,
  twilioConference: "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  twilioCalls: ["CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"],
  /** The label of Twilio's first seeded participant: an update may name it by this instead of its call SID. */
  twilioLabel: "customer",
} as const;
