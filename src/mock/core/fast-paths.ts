/**
 * The mock core's deliberate fast paths, in one place. Each keeps the behaviour of the plain code it stands
 * for and exists for a figure measured with `npm run bench` (BENCHMARKS.md, "Where the time went"): the
 * core's CPU per update, in-process, went from about 14–16 µs to about 1.4 µs, and the mock from about 0.5×
 * to 0.8× a bare node:http server. What each buys:
 *
 * - `answerOf`: a participant's answer serialised and checked against the spec once, then shared (frozen)
 *   until the participant changes. Checking and serialising every answer was most of the 14 µs; with this
 *   and `keepIfUnchanged`, 7 µs.
 * - `keepIfUnchanged`, `setsFlagsAsTheyAre`: an update that changes nothing within the same second keeps the
 *   very participant object, so `answerOf` finds its answer; one that only sets flags to the values they have
 *   is recognised before any copy is made. With `rememberRoutes` and the forms' fast paths
 *   (`src/contract/fast-paths.ts`), 3.4 µs to 1.9 µs.
 * - `rememberRoutes`: routing is a function of the path alone, and a client repeats its few participants'
 *   paths. Bounded: 1,024 paths of at most 512 characters, emptied when full.
 * - `nowRfc2822`, `nowIso`: the date texts written once a second (participants) and once a millisecond (the
 *   journal), not once a request.
 * - `lowerCaseMediaType`: a media type already in lower case (as clients send it) is not copied.
 * - `rememberedTest`: a test of a header name (is it a credential, for the journal) remembered for the names
 *   requests carry, which repeat: a handful of map look-ups per request instead of a regexp per header. The
 *   node transport remembers its Host verdicts the same way (`hostTest`): a client sends the same Host every
 *   time, and judging it anew (two copies and two regexps) cost 2–3% of the mock's throughput (an A/B with the
 *   guard left out).
 * - `startsWithScheme`: an Authorization scheme compared in any letter case without a lower-cased copy, so
 *   the token after it is compared in place (`auth.ts`); with the masked comparison that replaced decoding
 *   base64, part of the 14 µs to 7 µs.
 */
import { formatRfc2822Date } from "../../contract/formats.js";
import type { ParticipantJson } from "./providers/mock-provider.js";

const RECENT_ROUTES_LIMIT = 1024;
const RECENT_PATH_LENGTH_LIMIT = 512;

/** `route(pathname)`, remembered for the paths requests came on lately (only those that route somewhere). */
export function rememberRoutes<R>(route: (pathname: string) => readonly R[]): (pathname: string) => readonly R[] {
  const recent = new Map<string, readonly R[]>();
  return (pathname) => {
    const known = recent.get(pathname);
    if (known !== undefined) return known;
    const routes = route(pathname);
    if (routes.length > 0 && pathname.length <= RECENT_PATH_LENGTH_LIMIT) {
      if (recent.size >= RECENT_ROUTES_LIMIT) recent.clear();
      recent.set(pathname, routes);
    }
    return routes;
  };
}

const answers = new WeakMap<ParticipantJson, object>();

/** The answer `build` makes for a participant, made once per participant object (participants are frozen, replaced on change). */
export function answerOf<A extends object>(participant: ParticipantJson, build: (participant: ParticipantJson) => A): A {
  let answer = answers.get(participant) as A | undefined;
  if (answer === undefined) {
    answer = Object.freeze(build(participant));
    answers.set(participant, answer);
  }
  return answer;
}

/** Whether an update only sets flags (`flagProperty` names the property each sets) to the values they have. */
export function setsFlagsAsTheyAre(
  participant: ParticipantJson,
  update: Readonly<Record<string, unknown>>,
  flagProperty: (field: string) => string | undefined,
): boolean {
  for (const field in update) {
    const property = flagProperty(field);
    if (property === undefined || update[field] !== participant[property]) return false;
  }
  return true;
}

/** `previous` itself when `next` holds the same fields and values, else `next`, frozen. */
export function keepIfUnchanged(next: Record<string, unknown>, previous: ParticipantJson): ParticipantJson {
  let count = 0;
  for (const key in next) {
    if (next[key] !== previous[key] || !Object.hasOwn(previous, key)) return Object.freeze(next);
    count += 1;
  }
  return count === Object.keys(previous).length ? previous : Object.freeze(next);
}

/** A clock's text, made again only when `unit` (milliseconds) has passed. */
function clockText(unit: number, format: (time: number) => string): () => string {
  let last = Number.NaN;
  let text = "";
  return () => {
    const time = Math.floor(Date.now() / unit) * unit;
    if (time !== last) {
      last = time;
      text = format(time);
    }
    return text;
  };
}

/** Now as an RFC 2822 date, to the second: a participant's `date_created` and `date_updated`. */
export const nowRfc2822 = clockText(1000, (time) => formatRfc2822Date(new Date(time)));

/** Now in ISO 8601, for a journal entry's `time`. */
export const nowIso = clockText(1, (time) => new Date(time).toISOString());

/** `text` in lower case: itself when lower-casing would change nothing (no ASCII capital, nothing outside ASCII). */
export function lowerCaseMediaType(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || code > 0x7f) return text.toLowerCase();
  }
  return text;
}

const REMEMBERED_NAMES_LIMIT = 1024;
const REMEMBERED_NAME_LENGTH_LIMIT = 256;

/** `test`, remembered for the names it was asked about (bounded: 1,024 names of at most 256 characters, emptied when full). */
export function rememberedTest(test: (name: string) => boolean): (name: string) => boolean {
  const known = new Map<string, boolean>();
  return (name) => {
    const answer = known.get(name);
    if (answer !== undefined) return answer;
    const result = test(name);
    if (name.length <= REMEMBERED_NAME_LENGTH_LIMIT) {
      if (known.size >= REMEMBERED_NAMES_LIMIT) known.clear();
      known.set(name, result);
    }
    return result;
  };
}

/** Whether `header` starts with `scheme` (lower-case ASCII letters) in any letter case, then one space. */
export function startsWithScheme(scheme: string, header: string): boolean {
  if (header.charCodeAt(scheme.length) !== 0x20) return false;
  // The schemes are ASCII letters: `| 0x20` is lower case, and only a letter's two cases give it.
  for (let i = 0; i < scheme.length; i++) if ((header.charCodeAt(i) | 0x20) !== scheme.charCodeAt(i)) return false;
  return true;
}
