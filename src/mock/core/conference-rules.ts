/**
 * The rules of a conference, applied to one of its seats: a conference that has ended takes no update, a
 * participant that has left is no longer one of it, and a non-empty `CallSidToCoach` must be another
 * participant still in it. The rules are checked when a request's head arrives (to refuse it early) and again
 * when its update is applied, in one synchronous step with the write, so nothing (another update, a conference
 * ended through the admin API while the body arrived) can change between the check and the write, and a
 * rejected update changes nothing.
 */
import type { Violation } from "../../contract/violations.js";
import { fail, type MockFailure } from "./failures.js";
import { canonicalId } from "./participant-ref.js";
import { applyUpdate, completedParticipant, hasLeft, type ParticipantJson } from "./participants.js";
import type { Seat } from "./store.js";

export type UpdateOutcome = { ok: true; participant: ParticipantJson } | { ok: false; failure: MockFailure };

/** Why a seat takes no update now (its conference has ended, its participant has left), or undefined when it does. */
export function refusalOf(seat: Seat): MockFailure | undefined {
  const { ref } = seat;
  if (seat.conference.ended) {
    return fail("conferenceEnded", `The conference ${ref.conference} has ended; its participants cannot be updated.`).failure;
  }
  if (hasLeft(ref.provider, seat.participant)) {
    return fail("notFound", `The participant ${ref.call} has left the conference ${ref.conference}.`).failure;
  }
  return undefined;
}

/** Why a seat's participant may not coach `coached`, or undefined when it may. */
function coachingProblem(seat: Seat, coached: string): string | undefined {
  if (canonicalId(coached) === canonicalId(seat.ref.call)) return "cannot be the participant itself";
  const other = seat.conference.seats.get(canonicalId(coached));
  return other !== undefined && !hasLeft(other.ref.provider, other.participant)
    ? undefined
    : `is not a participant of conference ${seat.ref.conference}`;
}

/** Applies a valid update to a seat's participant, if the conference's rules allow it now; otherwise nothing changes. */
export function updateSeat(seat: Seat, change: Readonly<Record<string, unknown>>): UpdateOutcome {
  const refusal = refusalOf(seat);
  if (refusal !== undefined) return { ok: false, failure: refusal };
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
      return {
        ok: false,
        failure: fail("coachedNotInConference", "CallSidToCoach is not another participant of this conference.", [violation]).failure,
      };
    }
  }
  seat.participant = applyUpdate(seat.ref.provider, seat.participant, change);
  return { ok: true, participant: seat.participant };
}

/** Makes the seats' participants leave their conference; returns how many there were. */
export function leaveSeats(seats: readonly Seat[]): number {
  for (const seat of seats) seat.participant = completedParticipant(seat.ref.provider, seat.participant);
  return seats.length;
}

/** Ends the seats' conferences: each participant completed, and the conference takes no more updates. */
export function endConferences(seats: readonly Seat[]): number {
  for (const seat of seats) seat.conference.ended = true;
  return leaveSeats(seats);
}
