/**
 * Where each participant is: the conferences of every provider and account, each with its seats (one per
 * participant), found by the routes a request path can be. The store only finds seats and resets them; what
 * may change a seat is the conference's rules (`conference-rules.ts`).
 */
import type { Provider } from "../../contract/providers.js";
import type { SeededParticipant } from "./fixtures.js";
import { type ParticipantRef, refKey } from "./participant-ref.js";
import type { ParticipantJson } from "./participants.js";

/** A conference: its participants' seats, by call id. */
export interface Conference {
  readonly seats: ReadonlyMap<string, Seat>;
}

/** One participant's place in its conference, and the participant as it is now (frozen, replaced on change). */
export interface Seat {
  readonly ref: ParticipantRef;
  readonly conference: Conference;
  participant: ParticipantJson;
}

export class ParticipantStore {
  readonly #seeded: readonly SeededParticipant[];
  /** Every seat, by its participant's key (`refKey`). */
  readonly #seats = new Map<string, Seat>();

  constructor(seeded: readonly SeededParticipant[]) {
    this.#seeded = seeded;
    const conferences = new Map<string, { seats: Map<string, Seat> }>();
    for (const { ref, participant } of seeded) {
      const conferenceKey = refKey({ ...ref, call: "" });
      const conference = conferences.get(conferenceKey) ?? { seats: new Map<string, Seat>() };
      conferences.set(conferenceKey, conference);
      const seat: Seat = { ref, conference, participant };
      conference.seats.set(ref.call, seat);
      this.#seats.set(refKey(ref), seat);
    }
  }

  /** Every participant back to how the fixtures have it. */
  reset(): void {
    for (const { ref, participant } of this.#seeded) this.#seats.get(refKey(ref))!.participant = participant;
  }

  /**
   * The seat the first of `routes` that names one leads to (routes come most literal first: the exact id
   * wins), with that route; undefined when none does.
   */
  seatOf<R extends ParticipantRef & { readonly key: string }>(routes: readonly R[]): { seat: Seat; route: R } | undefined {
    for (const route of routes) {
      const seat = this.#seats.get(route.key);
      if (seat !== undefined) return { seat, route };
    }
    return undefined;
  }

  /** The seats that match (one conference, or one participant of it; every provider's, or `provider`'s). */
  seatsWhere(match: { conference: string; call?: string; provider?: Provider }): Seat[] {
    const seats: Seat[] = [];
    for (const seat of this.#seats.values()) {
      const { ref } = seat;
      if (ref.conference !== match.conference || (match.call !== undefined && ref.call !== match.call)) continue;
      if (match.provider === undefined || ref.provider === match.provider) seats.push(seat);
    }
    return seats;
  }
}
