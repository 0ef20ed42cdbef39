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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id as the mock compares it: a UUID in lower case, since UUIDs compare case-insensitively (RFC 9562 §4),
 * and the contract's `format: uuid` takes either case; any other id (a Telnyx call id, a label) as it is.
 */
export const canonicalId = (id: string): string => (id.length === 36 && UUID.test(id) ? id.toLowerCase() : id);

/** Whether two ids name the same thing (`canonicalId`). */
export const sameId = (a: string, b: string): boolean => a === b || canonicalId(a) === canonicalId(b);

/** The string a participant is kept under: its provider and canonical ids, which no id can make ambiguous (NUL-separated). */
export const refKey = (ref: ParticipantRef): string =>
  `${ref.provider}\u0000${canonicalId(ref.account)}\u0000${canonicalId(ref.conference)}\u0000${canonicalId(ref.call)}`;
