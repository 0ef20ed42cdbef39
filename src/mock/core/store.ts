/**
 * Where each participant is: the conferences of every provider and account, each with its seats (one per
 * participant), found by the routes a request path can be. The store only finds seats and resets them; what
 * may change a seat is the conference's rules (`conference-rules.ts`).
 */
import type { Provider } from "../../contract/providers.js";
import type { SeededParticipant } from "./fixtures.js";
import { canonicalId, type ParticipantRef, refKey, sameId } from "./participant-ref.js";
import type { ParticipantJson } from "./participants.js";

/** A conference: its participants' seats, by call id (canonical: `canonicalId`) and by label, and whether it has ended. */
export interface Conference {
  readonly seats: ReadonlyMap<string, Seat>;
  readonly labels: ReadonlyMap<string, Seat>;
  ended: boolean;
}

interface OwnConference extends Conference {
  readonly seats: Map<string, Seat>;
  readonly labels: Map<string, Seat>;
}

/** The key of a participant's conference: its provider, account and conference. */
const conferenceKey = (ref: ParticipantRef) => refKey({ ...ref, call: "" });

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
  readonly #conferences = new Map<string, OwnConference>();

  constructor(seeded: readonly SeededParticipant[]) {
    this.#seeded = seeded;
    for (const { ref, label, participant } of seeded) {
      const key = conferenceKey(ref);
      const conference = this.#conferences.get(key) ?? { seats: new Map<string, Seat>(), labels: new Map<string, Seat>(), ended: false };
      this.#conferences.set(key, conference);
      const seat: Seat = { ref, conference, participant };
      conference.seats.set(canonicalId(ref.call), seat);
      if (label !== undefined) conference.labels.set(label, seat);
      this.#seats.set(refKey(ref), seat);
    }
  }

  /** Every participant back to how the fixtures have it, every conference running. */
  reset(): void {
    for (const conference of this.#conferences.values()) conference.ended = false;
    for (const { ref, participant } of this.#seeded) this.#seats.get(refKey(ref))!.participant = participant;
  }

  /**
   * The seat the first of `routes` that names one leads to, by call id or else by label (routes come most
   * literal first: the exact id wins), with that route; undefined when none does.
   */
  seatOf<R extends ParticipantRef & { readonly key: string }>(routes: readonly R[]): { seat: Seat; route: R } | undefined {
    for (const route of routes) {
      const seat = this.#seats.get(route.key);
      if (seat !== undefined) return { seat, route };
    }
    for (const route of routes) {
      const seat = this.#conferences.get(conferenceKey(route))?.labels.get(route.call);
      if (seat !== undefined) return { seat, route };
    }
    return undefined;
  }

  /** Whether an account holds a conference of a provider's (a path's account, told apart where two providers share a path). */
  hasAccount(provider: Provider, account: string): boolean {
    return this.#seeded.some(({ ref }) => ref.provider === provider && sameId(ref.account, account));
  }

  /** The seats that match (one conference, or one participant of it; every provider's, or `provider`'s). */
  seatsWhere(match: { conference: string; call?: string; provider?: Provider }): Seat[] {
    const seats: Seat[] = [];
    for (const seat of this.#seats.values()) {
      const { ref } = seat;
      if (!sameId(ref.conference, match.conference) || (match.call !== undefined && !sameId(ref.call, match.call))) continue;
      if (match.provider === undefined || ref.provider === match.provider) seats.push(seat);
    }
    return seats;
  }
}
