/**
 * Participants as each provider renders them, and how an accepted update changes one. The field names are
 * the spec's; what is here is only what the spec cannot say: the values a fresh participant starts with,
 * and which participant property each update field sets.
 */
import { formatRfc2822Date } from "../contract/formats.js";
import type { Provider } from "../contract/providers.js";
import { participantUri } from "./routes.js";

export type ParticipantJson = Readonly<Record<string, unknown>>;

export interface ParticipantIds {
  account: string;
  conference: string;
  call: string;
}

interface Rendering {
  /** What a participant that has just joined has beside the fields both providers share. */
  fresh(ids: ParticipantIds): Record<string, unknown>;
  /** The participant with its coached call set, or cleared with `null`. */
  coaching(participant: ParticipantJson, call: string | null): Record<string, unknown>;
}

const renderings: Record<Provider, Rendering> = {
  signalwire: {
    fresh: () => ({ call_sid_to_coach: null, start_conference_on_enter: true, status: "in-progress" }),
    coaching: (participant, call) => ({ ...participant, coaching: call !== null, call_sid_to_coach: call }),
  },
  telnyx: {
    fresh: (ids) => ({ api_version: "v2/texml", call_sid_legacy: ids.call, status: "connected" }),
    coaching: (participant, call) => {
      const { coaching_call_sid: _sid, coaching_call_sid_legacy: _legacy, ...rest } = participant;
      return call === null
        ? { ...rest, coaching: false }
        : { ...rest, coaching: true, coaching_call_sid: call, coaching_call_sid_legacy: call };
    },
  },
};

/** The update fields that set one boolean property of the participant each. */
const FLAGS: Readonly<Record<string, string>> = { Muted: "muted", Hold: "hold", EndConferenceOnExit: "end_conference_on_exit" };

/** The participant property an update field sets, when it is one of the flags. */
const flagProperty = (field: string) => (Object.hasOwn(FLAGS, field) ? FLAGS[field] : undefined);

let second = Number.NaN;
let secondText = "";

/** The date a participant's `date_created` and `date_updated` take now: RFC 2822, to the second (written once a second). */
export function now(): string {
  const current = Math.floor(Date.now() / 1000);
  if (current !== second) {
    second = current;
    secondText = formatRfc2822Date(new Date(current * 1000));
  }
  return secondText;
}

/** A participant that has just joined: not muted, not on hold, coaching nobody. */
export function freshParticipant(provider: Provider, ids: ParticipantIds): Record<string, unknown> {
  const date = now();
  return {
    account_sid: ids.account,
    call_sid: ids.call,
    coaching: false,
    conference_sid: ids.conference,
    date_created: date,
    date_updated: date,
    end_conference_on_exit: false,
    hold: false,
    muted: false,
    uri: participantUri(provider, ids),
    ...renderings[provider].fresh(ids),
  };
}

/** The call a participant coaches, or null. */
export function coachedCall(participant: ParticipantJson): string | null {
  const call = participant.call_sid_to_coach ?? participant.coaching_call_sid;
  return typeof call === "string" ? call : null;
}

/**
 * The participant after a valid update (a new object; the old one is left as it was). `Coaching` sets
 * coaching; a non-empty `CallSidToCoach` sets whom, and starts coaching unless `Coaching=false` is sent;
 * an empty one stops it. An update with no field returns the participant unchanged.
 */
export function applyUpdate(provider: Provider, participant: ParticipantJson, update: Readonly<Record<string, unknown>>): ParticipantJson {
  if (!hasField(update)) return participant;
  const date = now();
  if (date === participant.date_updated && setsFlagsAsTheyAre(participant, update)) return participant;
  let next: Record<string, unknown> = { ...participant };
  for (const field in update) {
    const property = flagProperty(field);
    if (property !== undefined && typeof update[field] === "boolean") next[property] = update[field];
  }
  const target = typeof update.CallSidToCoach === "string" ? update.CallSidToCoach : undefined;
  const coaching = typeof update.Coaching === "boolean" ? update.Coaching : target === undefined ? undefined : target !== "";
  if (coaching === false) next = renderings[provider].coaching(next, null);
  else if (coaching === true) next = renderings[provider].coaching(next, target || coachedCall(participant));
  next.date_updated = date;
  return sameFields(next, participant) ? participant : Object.freeze(next);
}

/** Whether an update has any field. */
function hasField(update: Readonly<Record<string, unknown>>): boolean {
  for (const _ in update) return true;
  return false;
}

/** Whether an update only sets flags to the values they have (the participant's object is then kept, unbuilt). */
function setsFlagsAsTheyAre(participant: ParticipantJson, update: Readonly<Record<string, unknown>>): boolean {
  for (const field in update) {
    const property = flagProperty(field);
    if (property === undefined || update[field] !== participant[property]) return false;
  }
  return true;
}

/**
 * Whether two renderings of a participant hold the same fields and values: an update that changes nothing
 * within the same second keeps the very object, so its answer, already serialised and checked, is reused.
 */
function sameFields(next: Readonly<Record<string, unknown>>, previous: ParticipantJson): boolean {
  let count = 0;
  for (const key in next) {
    if (next[key] !== previous[key] || !Object.hasOwn(previous, key)) return false;
    count += 1;
  }
  return count === Object.keys(previous).length;
}
