/** conference-participants: the public surface. Re-exports only. */
export { validateUpdateRequest, validateParticipant, validateErrorBody } from "./validate.js";
export type { ValidationResult, Violation } from "./validate.js";
export { formatViolation } from "./violations.js";
export { startMockServer } from "./mock/start.js";
export type { MockServer, MockServerOptions } from "./mock/server.js";
export type { Fixtures } from "./mock/fixtures.js";
export { createSignalWireClient, createTelnyxClient } from "./client.js";
export type { ClientOptions, SignalWireClientOptions, TelnyxClientOptions, ParticipantClient, SignalWireClient, TelnyxClient, UpdateParticipantParams, UpdateParticipantResult } from "./client.js";
export { RequestValidationError } from "./request-validation-error.js";
export { ResponseValidationError } from "./response-validation-error.js";
export type { Provider, UpdateRequest, Participant, ErrorBody } from "./providers.js";
export type { paths, components, operations } from "../generated/types.js";
