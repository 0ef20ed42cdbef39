/**
 * Where a participant is: its provider, account, conference and call. One shape for the routes (what a path
 * names), the store (where a participant is kept), the fixtures (where one is seeded) and the participants
 * (the ids a rendering shows).
 */
import type { Provider } from "../../contract/providers.js";

export interface ParticipantRef {
  readonly provider: Provider;
  readonly account: string;
  readonly conference: string;
  /** The participant's call id (or, in a path, a label that names it). */
  readonly call: string;
}

/** The string a participant is kept under: its provider and ids, which no id can make ambiguous (NUL-separated). */
export const refKey = (ref: ParticipantRef): string => `${ref.provider}\u0000${ref.account}\u0000${ref.conference}\u0000${ref.call}`;
