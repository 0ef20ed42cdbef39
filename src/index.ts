/** conference-participants: the public surface. Re-exports only. */
export { validateUpdateRequest, validateParticipant, validateErrorBody } from "./contract/validate.js";
export type { ValidationResult, Violation } from "./contract/validate.js";
export { formatViolation } from "./contract/violations.js";
export { createSignalWireClient, createTelnyxClient, createTwilioClient } from "./client/index.js";
export { CLIENT_DEFAULTS } from "./client/defaults.js";
export type {
  ClientOptions,
  SignalWireClientOptions,
  TelnyxClientOptions,
  ParticipantClient,
  SignalWireClient,
  TelnyxClient,
  TwilioClientOptions,
  TwilioClient,
  UpdateParticipantParams,
  UpdateParticipantResult,
} from "./client/types.js";
export {
  ConferenceParticipantsError,
  isConferenceParticipantsError,
  RequestValidationError,
  ClientOptionsError,
  ResponseValidationError,
  ResponseTooLargeError,
  NetworkError,
  TimeoutError,
} from "./errors/index.js";
export type { Provider, UpdateRequest, Participant, ErrorBody } from "./contract/providers.js";
export type { paths, components, operations } from "../generated/types.js";
