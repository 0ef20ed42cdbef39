/**
 * The known name closest to a name that is not one (a typo: `HoldURL`, `timeout`), for "did you mean". The edit
 * distance is leven's, bounded: it stops once a candidate is too far to be a likely typo, so a 64 KiB field name
 * costs no more than a short one.
 */
import leven from "leven";

/** How far a candidate may be from a name and still be a likely typo of it. */
const allowedDistance = (candidate: string) => Math.max(2, Math.floor(candidate.length / 4));

/** The known name closest to `name`, if one is close enough to be a likely typo; the same letters in another case first. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const allowed = allowedDistance(candidate);
    const distance = leven(lower, candidate.toLowerCase(), { maxDistance: allowed + 1 });
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
