/**
 * Type-level checks of the generated types, compiled by `npm run typecheck` (part of `npm test`): no
 * request field is required, and the error bodies keep their fields' types.
 */
import type { components } from "../../generated/types.js";

type Schemas = components["schemas"];

// Every request field is optional: an empty update is a valid update.
export const emptySignalWireUpdate: Schemas["SignalWireUpdateParticipantRequest"] = {};
export const emptyTelnyxUpdate: Schemas["TelnyxUpdateParticipantRequest"] = {};

// Telnyx's error envelope keeps each error's fields typed (not widened to unknown).
export function firstDetail(body: Schemas["TelnyxErrors"]): string | undefined {
  const [first] = body.errors;
  // @ts-expect-error detail is a string, not a number
  const wrong: number | undefined = first?.detail;
  void wrong;
  return first?.detail ?? first?.title;
}

// SignalWire's error body: all four fields required, code and status numbers.
export const signalwireError: Schemas["SignalWireError"] = {
  code: 20404,
  message: "Not found",
  more_info: "https://example.com",
  status: 404,
};
// @ts-expect-error more_info is required
export const incompleteError: Schemas["SignalWireError"] = { code: 20404, message: "Not found", status: 404 };

// A SignalWire participant's call_sid_to_coach is a string or null, and required.
export const coached: Schemas["SignalWireParticipant"]["call_sid_to_coach"] = null;
