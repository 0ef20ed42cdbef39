/**
 * The participants, by provider, account, conference and call, and the rules of changing one. Each update
 * is checked against the conference (the coached call must be another participant of it) and replaces the
 * participant with a new frozen object in one synchronous step, so concurrent updates never interleave and
 * a rejected update never touches the store.
 */
import type { Provider } from "../contract/providers.js";
import type { Violation } from "../contract/violations.js";
import type { SeededParticipant } from "./fixtures.js";
import { applyUpdate, now, type ParticipantJson } from "./participants.js";
import { participantKey } from "./routes.js";

export interface ParticipantKey {
  provider: Provider;
  account: string;
  conference: string;
  call: string;
  /** The four as one string, when the caller has made it already (a route does, once). */
  key?: string;
}

export type UpdateOutcome = { ok: true; participant: ParticipantJson } | { ok: false; violations: Violation[] };

const keyOf = (k: ParticipantKey) => k.key ?? participantKey(k.provider, k.account, k.conference, k.call);

export class ParticipantStore {
  readonly #seeded: readonly SeededParticipant[];
  readonly #participants = new Map<string, ParticipantJson>();

  constructor(seeded: readonly SeededParticipant[]) {
    this.#seeded = seeded;
    this.reset();
  }

  /** Every participant back to how the fixtures have it. */
  reset(): void {
    this.#participants.clear();
    for (const s of this.#seeded) {
      const key = { provider: s.provider, account: s.account, conference: s.conference, call: String(s.participant.call_sid) };
      this.#participants.set(keyOf(key), s.participant);
    }
  }

  /**
   * Completes the participants that match (a conference that ends, or one participant that leaves): their
   * `status` becomes `completed`. Returns how many matched.
   */
  complete(match: { conference: string; call?: string; provider?: Provider }): number {
    let count = 0;
    for (const s of this.#seeded) {
      const key = { provider: s.provider, account: s.account, conference: s.conference, call: String(s.participant.call_sid) };
      if (key.conference !== match.conference || (match.call !== undefined && key.call !== match.call)) continue;
      if (match.provider !== undefined && key.provider !== match.provider) continue;
      const current = this.get(key)!;
      this.#participants.set(keyOf(key), Object.freeze({ ...current, status: "completed", date_updated: now() }));
      count += 1;
    }
    return count;
  }

  get(key: ParticipantKey): ParticipantJson | undefined {
    return this.#participants.get(keyOf(key));
  }

  /**
   * Applies a valid update to the participant at `key` (which exists). A non-empty `CallSidToCoach` must be
   * another participant of the same conference; otherwise nothing changes and the violation says why.
   */
  update(key: ParticipantKey, change: Readonly<Record<string, unknown>>): UpdateOutcome {
    const current = this.get(key);
    if (current === undefined) throw new Error("update of a participant that does not exist");
    const coached = change.CallSidToCoach;
    if (typeof coached === "string" && coached !== "") {
      const problem =
        coached === key.call
          ? "cannot be the participant itself"
          : this.get({ provider: key.provider, account: key.account, conference: key.conference, call: coached }) === undefined
            ? `is not a participant of conference ${key.conference}`
            : undefined;
      if (problem !== undefined) {
        const expected = "another participant of the same conference";
        return {
          ok: false,
          violations: [
            { code: "invalid_reference", path: "CallSidToCoach", message: problem, expected, received: JSON.stringify(coached) },
          ],
        };
      }
    }
    const participant = applyUpdate(key.provider, current, change);
    this.#participants.set(keyOf(key), participant);
    return { ok: true, participant };
  }
}
