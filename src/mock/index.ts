/** `conference-participants/mock`: the contract-enforcing mock API (Node only: it listens with node:http). */
export { startMockServer } from "./http-server.js";
export type { MockServer, MockServerOptions } from "./http-server.js";
export type { Fixtures, FixtureAccount, FixtureConference, FixtureParticipant } from "./fixtures.js";
export { DEFAULT_CREDENTIALS, SEED_IDS } from "./defaults.js";
