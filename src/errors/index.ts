/** Every error class this package throws, one per file, all sharing `ConferenceParticipantsError`'s `violations`. */
export { ConferenceParticipantsError } from "./conference-participants-error.js";
export { isConferenceParticipantsError } from "./is-conference-participants-error.js";
export { RequestValidationError } from "./request-validation-error.js";
export { ClientOptionsError } from "./client-options-error.js";
export { ResponseValidationError } from "./response-validation-error.js";
export { ResponseTooLargeError } from "./response-too-large-error.js";
export { NetworkError } from "./network-error.js";
export { TimeoutError } from "./timeout-error.js";
export { FixtureError } from "./fixture-error.js";
export { UsageError } from "./usage-error.js";
export { InputError } from "./input-error.js";
