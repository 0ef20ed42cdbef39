/**
 * The accounts, conferences and participants the mock starts with: the built-in default, or a JSON file
 * in the same format (documented in the README). Every participant is checked against the spec before the
 * mock starts.
 */
import { validateParticipant } from "../../contract/validate.js";
import { isProvider, providerNames, type Provider } from "../../contract/providers.js";
import { FixtureError } from "../../errors/fixture-error.js";
import type { ParticipantRef } from "./participant-ref.js";
import { freshParticipant, type ParticipantJson } from "./participants.js";
import { mockProviders } from "./providers/index.js";

export interface FixtureParticipant {
  call_sid: string;
  /** A label that names the participant in a path instead of its call id (shown in the participant where the provider shows labels: Twilio). */
  label?: string;
  /** Any other participant property, snake_case as the provider renders it, to start with. */
  [property: string]: unknown;
}
export interface FixtureConference {
  sid: string;
  participants: FixtureParticipant[];
}
export interface FixtureAccount {
  sid: string;
  conferences: FixtureConference[];
}
/** Per provider, its accounts. The credentials belong to SignalWire's `projectId` and to Telnyx's first account. */
export type Fixtures = Partial<Record<Provider, { accounts: FixtureAccount[] }>>;

/**
 * The default fixture: each provider's seeded ids (the seeds' own, so their samples work as they are), in
 * the account its credentials open (`accountOf`).
 */
export function defaultFixtures(accountOf: (provider: Provider) => string): Fixtures {
  const fixtures: Fixtures = {};
  for (const provider of providerNames) {
    const { conference, participants: seeds } = mockProviders[provider].seed;
    const participants = seeds.map(({ call, label }) => ({ call_sid: call, ...(label === undefined ? {} : { label }) }));
    fixtures[provider] = { accounts: [{ sid: accountOf(provider), conferences: [{ sid: conference, participants }] }] };
  }
  return fixtures;
}

/** One participant as the mock holds it, with where it is and the label that also names it. */
export interface SeededParticipant {
  readonly ref: ParticipantRef;
  readonly label?: string;
  readonly participant: ParticipantJson;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function listAt(parent: unknown, key: string, where: string): unknown[] {
  const list = isRecord(parent) ? parent[key] : undefined;
  if (!Array.isArray(list)) throw new FixtureError(`${where}.${key} must be an array`);
  return list;
}

function sidAt(entry: unknown, key: string, where: string): string {
  const sid = isRecord(entry) ? entry[key] : undefined;
  if (typeof sid !== "string" || sid === "") throw new FixtureError(`${where}.${key} must be a non-empty string`);
  return sid;
}

/**
 * One participant of a fixture, checked against the spec (strictly: a typo in a property name is caught). `names`
 * holds the call ids and labels its conference has so far: each names one participant.
 */
function seedParticipant(conference: Omit<ParticipantRef, "call">, entry: unknown, where: string, names: Set<string>): SeededParticipant {
  const call = sidAt(entry, "call_sid", where);
  const { label, ...properties } = entry as Record<string, unknown>;
  if (label !== undefined && (typeof label !== "string" || label === ""))
    throw new FixtureError(`${where}.label must be a non-empty string`);
  for (const name of label === undefined ? [call] : [call, label]) {
    if (names.has(name)) throw new FixtureError(`${where}: ${JSON.stringify(name)} already names a participant of this conference`);
    names.add(name);
  }
  const ref: ParticipantRef = { ...conference, call };
  const fresh = freshParticipant(ref);
  const location = { account_sid: fresh.account_sid, conference_sid: fresh.conference_sid, uri: fresh.uri };
  const shown = mockProviders[ref.provider].showsLabel && label !== undefined ? { label } : {};
  const participant = { ...fresh, ...properties, ...shown, ...location };
  const checked = validateParticipant(ref.provider, participant, { strict: true });
  if (!checked.ok) throw new FixtureError(where, checked.errors);
  return { ref, ...(label === undefined ? {} : { label }), participant: Object.freeze(participant) };
}

/** Every participant of a fixture, each checked against the spec. */
export function seedParticipants(fixtures: unknown): SeededParticipant[] {
  if (!isRecord(fixtures)) throw new FixtureError("fixtures must be a JSON object with a key per provider");
  const seeded: SeededParticipant[] = [];
  for (const [provider, section] of Object.entries(fixtures)) {
    if (!isProvider(provider)) throw new FixtureError(`fixtures.${provider} is not a provider; expected ${providerNames.join(" or ")}`);
    listAt(section, "accounts", provider).forEach((account, a) => {
      const accountWhere = `${provider}.accounts[${a}]`;
      const accountSid = sidAt(account, "sid", accountWhere);
      listAt(account, "conferences", accountWhere).forEach((conference, c) => {
        const conferenceWhere = `${accountWhere}.conferences[${c}]`;
        const place = { provider, account: accountSid, conference: sidAt(conference, "sid", conferenceWhere) };
        const names = new Set<string>();
        listAt(conference, "participants", conferenceWhere).forEach((entry, p) => {
          seeded.push(seedParticipant(place, entry, `${conferenceWhere}.participants[${p}]`, names));
        });
      });
    });
  }
  return seeded;
}
