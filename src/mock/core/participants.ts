/**
 * The rules of a participant: what one that has just joined holds, and how an accepted update changes it.
 * The field names are the spec's; each provider's own values are in `providers/`.
 */
import type { Provider } from "../../contract/providers.js";
import { keepIfUnchanged, nowRfc2822, setsFlagsAsTheyAre } from "./fast-paths.js";
import type { ParticipantRef } from "./participant-ref.js";
import { mockProviders, type ParticipantJson } from "./providers/index.js";
import { participantUri } from "./routes.js";

export type { ParticipantJson } from "./providers/index.js";

/** The update fields that set one boolean property of the participant each. */
const FLAGS: Readonly<Record<string, string>> = { Muted: "muted", Hold: "hold", EndConferenceOnExit: "end_conference_on_exit" };

/** The participant property an update field sets, when it is one of the flags. */
const flagProperty = (field: string) => (Object.hasOwn(FLAGS, field) ? FLAGS[field] : undefined);

/** A participant that has just joined: not muted, not on hold, coaching nobody. */
export function freshParticipant(ref: ParticipantRef): Record<string, unknown> {
  const date = nowRfc2822();
  return {
    account_sid: ref.account,
    call_sid: ref.call,
    coaching: false,
    conference_sid: ref.conference,
    date_created: date,
    date_updated: date,
    end_conference_on_exit: false,
    hold: false,
    muted: false,
    uri: participantUri(ref),
    ...mockProviders[ref.provider].fresh(ref),
  };
}

/** The call a participant coaches, or null. */
export function coachedCall(participant: ParticipantJson): string | null {
  const call = participant.call_sid_to_coach ?? participant.coaching_call_sid;
  return typeof call === "string" ? call : null;
}

/** Whether an update has any field. */
function hasField(update: Readonly<Record<string, unknown>>): boolean {
  for (const _ in update) return true;
  return false;
}

/**
 * The participant after a valid update (a new object; the old one is left as it was). `Coaching` sets
 * coaching; a non-empty `CallSidToCoach` sets whom, and starts coaching unless `Coaching=false` is sent;
 * an empty one stops it. An update with no field, or one that changes nothing, returns the participant itself.
 */
export function applyUpdate(provider: Provider, participant: ParticipantJson, update: Readonly<Record<string, unknown>>): ParticipantJson {
  if (!hasField(update)) return participant;
  const date = nowRfc2822();
  if (date === participant.date_updated && setsFlagsAsTheyAre(participant, update, flagProperty)) return participant;
  let next: Record<string, unknown> = { ...participant };
  for (const field in update) {
    const property = flagProperty(field);
    if (property !== undefined && typeof update[field] === "boolean") next[property] = update[field];
  }
  const target = typeof update.CallSidToCoach === "string" ? update.CallSidToCoach : undefined;
  const coaching = typeof update.Coaching === "boolean" ? update.Coaching : target === undefined ? undefined : target !== "";
  const { coaching: render } = mockProviders[provider];
  if (coaching === false) next = render(next, null);
  else if (coaching === true) next = render(next, target || coachedCall(participant));
  next.date_updated = date;
  return keepIfUnchanged(next, participant);
}

/** The participant as it is once its call has left the conference (or the conference has ended). */
export function completedParticipant(provider: Provider, participant: ParticipantJson): ParticipantJson {
  return Object.freeze({ ...participant, status: mockProviders[provider].completedStatus, date_updated: nowRfc2822() });
}

/** Whether a participant's call has left its conference (or the conference has ended): it takes no update. */
export const hasLeft = (provider: Provider, participant: ParticipantJson): boolean =>
  participant.status === mockProviders[provider].completedStatus;
