/** `conference-participants/mock`: the contract-enforcing mock API (Node only: it listens with node:http). */
export { startMockServer } from "./http-server.js";
export type { MockServer, MockServerOptions } from "./http-server.js";
export type { MockControls, Fault } from "./admin.js";
export type { FaultRequest } from "./faults.js";
export type { JournalEntry } from "./journal.js";
export { JOURNAL_LIMIT } from "./journal.js";
export { MAX_BODY_BYTES } from "./mock-api.js";
export type { Fixtures, FixtureAccount, FixtureConference, FixtureParticipant } from "./fixtures.js";
export { DEFAULT_CREDENTIALS, SEED_IDS } from "./defaults.js";
