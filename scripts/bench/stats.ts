/** Small statistics for the benchmarks: medians, ranges and ratios of interleaved rounds. */

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The ratio of each round's `subject` to its `baseline`: their median and their range. */
export function ratios(subject: readonly number[], baseline: readonly number[]): { median: number; min: number; max: number } {
  const each = subject.map((value, i) => value / baseline[i]!);
  return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
}

export const times = (value: number) => `${value.toFixed(2)}×`;
export const range = (r: { min: number; max: number }) => `${r.min.toFixed(2)}–${r.max.toFixed(2)}×`;

/**
 * Runs each variant once per round, `rounds` times, the order rotating each round so that every variant
 * runs in every position equally often: load elsewhere on the machine falls on all alike.
 */
export async function interleave<Name extends string, T>(
  variants: Record<Name, () => Promise<T> | T>,
  rounds: number,
): Promise<Record<Name, T[]>> {
  const names = Object.keys(variants) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<Name, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      results[name].push(await variants[name]());
    }
  }
  return results;
}

/** The package's own files, resolved through its `exports` and `bin` as a consumer would. */
export const packageRoot = new URL("../../", import.meta.url);
