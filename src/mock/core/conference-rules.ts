/**
 * The rules of a conference, applied to one of its seats: a participant that has left (or whose conference
 * has ended) takes no update, and a non-empty `CallSidToCoach` must be another participant of the same
 * conference. An update is checked and applied in one synchronous step, at the moment it is applied, so
 * nothing (another update, a conference ended through the admin API) can change between the check and the
 * write, and a rejected update changes nothing.
 */
import type { Violation } from "../../contract/violations.js";
import { applyUpdate, completedParticipant, hasLeft, type ParticipantJson } from "./participants.js";
import type { Seat } from "./store.js";

export type UpdateOutcome =
  | { ok: true; participant: ParticipantJson }
  | { ok: false; reason: "conferenceEnded" }
  | { ok: false; reason: "coachedNotInConference"; violations: Violation[] };

/** Why a seat's participant may not coach `coached`, or undefined when it may. */
function coachingProblem(seat: Seat, coached: string): string | undefined {
  if (coached === seat.ref.call) return "cannot be the participant itself";
  return seat.conference.seats.has(coached) ? undefined : `is not a participant of conference ${seat.ref.conference}`;
}

/** Applies a valid update to a seat's participant, if the conference's rules allow it; otherwise nothing changes. */
export function updateSeat(seat: Seat, change: Readonly<Record<string, unknown>>): UpdateOutcome {
  const { provider } = seat.ref;
  if (hasLeft(provider, seat.participant)) return { ok: false, reason: "conferenceEnded" };
  const coached = change.CallSidToCoach;
  if (typeof coached === "string" && coached !== "") {
    const problem = coachingProblem(seat, coached);
    if (problem !== undefined) {
      const expected = "another participant of the same conference";
      const violation: Violation = {
        code: "invalid_reference",
        path: "CallSidToCoach",
        message: problem,
        expected,
        received: JSON.stringify(coached),
      };
      return { ok: false, reason: "coachedNotInConference", violations: [violation] };
    }
  }
  seat.participant = applyUpdate(provider, seat.participant, change);
  return { ok: true, participant: seat.participant };
}

/** Completes the seats' participants (their call left, or their conference ended); returns how many there were. */
export function completeSeats(seats: readonly Seat[]): number {
  for (const seat of seats) seat.participant = completedParticipant(seat.ref.provider, seat.participant);
  return seats.length;
}
