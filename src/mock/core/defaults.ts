/**
 * The mock's defaults: the seeds' ids (the accounts, conference and participants the published samples use)
 * and the built-in test credentials. Public by design: the mock prints them so the samples work as pasted.
 * The mock, the benchmarks and the tests all read them from here.
 */

/** The built-in test credentials. */
export const DEFAULT_CREDENTIALS = {
  projectId: "b3877c40-da60-4998-90ad-b792e98472af",
  apiToken: "PTmock-signalwire-api-token",
  telnyxApiKey: "KEYmock-telnyx-api-key",
} as const;

/** The seeds' ids: one account (SignalWire's project id), one conference, two participants per provider. */
export const SEED_IDS = {
  account: DEFAULT_CREDENTIALS.projectId,
  conference: "b3877c40-da60-4998-90ad-b792e98472cf",
  signalwireCalls: ["b3877c40-da60-4998-90ad-b792e98472ca", "b3877c40-da60-4998-90ad-b792e98472cb"],
  telnyxCalls: ["v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ", "v3:mock-participant-2"],
} as const;
