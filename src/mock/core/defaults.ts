/**
 * The mock's defaults: the seeds' ids (the accounts, conference and participants the published samples use)
 * and the built-in test credentials. Public by design: the mock prints them so the samples work as pasted.
 * The mock, the benchmarks and the tests all read them from here.
 */

/** The built-in test credentials, one option each; which provider uses which is in that provider's file in `providers/`. */
export const DEFAULT_CREDENTIALS = {
  /** SignalWire's Project ID: the Basic user, and the account the credentials open. */
  projectId: "b3877c40-da60-4998-90ad-b792e98472af",
  /** SignalWire's API token: the Basic password. */
  apiToken: "PTmock-signalwire-api-token",
  /** Telnyx's API key, sent as a Bearer token. */
  telnyxApiKey: "KEYmock-telnyx-api-key",
} as const;

/** The credentials the mock accepts, each defaulting to its built-in test value. */
export type CredentialOptions = { -readonly [Name in keyof typeof DEFAULT_CREDENTIALS]?: string };

/** The seeds' ids: one account (SignalWire's project id), one conference, two participants per provider. */
export const SEED_IDS = {
  account: DEFAULT_CREDENTIALS.projectId,
  conference: "b3877c40-da60-4998-90ad-b792e98472cf",
  signalwireCalls: ["b3877c40-da60-4998-90ad-b792e98472ca", "b3877c40-da60-4998-90ad-b792e98472cb"],
  telnyxCalls: ["v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ", "v3:mock-participant-2"],
} as const;
