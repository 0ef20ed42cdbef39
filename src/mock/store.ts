/**
 * The participants, by provider, account, conference and call. Each update replaces a participant with a
 * new frozen object in one synchronous step, so concurrent updates never interleave and a rejected update
 * never touches the store.
 */
import type { Provider } from "../contract/providers.js";
import type { SeededParticipant } from "./fixtures.js";
import type { ParticipantJson } from "./participants.js";

export interface ParticipantKey {
  provider: Provider;
  account: string;
  conference: string;
  call: string;
}

const keyOf = (k: ParticipantKey) => `${k.provider}\u0000${k.account}\u0000${k.conference}\u0000${k.call}`;

export class ParticipantStore {
  readonly #participants = new Map<string, ParticipantJson>();

  constructor(seeded: readonly SeededParticipant[]) {
    for (const s of seeded) {
      this.#participants.set(
        keyOf({ provider: s.provider, account: s.account, conference: s.conference, call: String(s.participant.call_sid) }),
        s.participant,
      );
    }
  }

  get(key: ParticipantKey): ParticipantJson | undefined {
    return this.#participants.get(keyOf(key));
  }

  /** Replaces a participant that exists; returns it. */
  replace(key: ParticipantKey, participant: ParticipantJson): ParticipantJson {
    this.#participants.set(keyOf(key), participant);
    return participant;
  }
}
