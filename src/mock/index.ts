/** `conference-participants/mock`: the contract-enforcing mock API (Node only: it listens with node:http). */
export { startMockServer } from "./node/server.js";
export type { MockServer, MockServerOptions } from "./node/server.js";
export type { MockControls } from "./core/controls.js";
export type { Fault, FaultRequest } from "./core/faults.js";
export type { JournalEntry } from "./core/journal.js";
export { JOURNAL_LIMIT } from "./core/journal.js";
export { MAX_BODY_BYTES } from "./core/exchange.js";
export type { Fixtures, FixtureAccount, FixtureConference, FixtureParticipant } from "./core/fixtures.js";
export { DEFAULT_CREDENTIALS, SEED_IDS } from "./core/defaults.js";
