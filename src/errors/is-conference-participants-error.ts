/**
 * Whether a value is an error this package threw, whichever copy of the package threw it: the ES module and
 * the CommonJS builds each have their own classes (so `instanceof` fails across them), as do two installed
 * versions or another realm. Every such error carries the same registered symbol, which this checks.
 */
import { ConferenceParticipantsError, ERROR_BRAND } from "./conference-participants-error.js";

export function isConferenceParticipantsError(value: unknown): value is ConferenceParticipantsError {
  return (
    value instanceof ConferenceParticipantsError ||
    (typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ERROR_BRAND] === true)
  );
}
