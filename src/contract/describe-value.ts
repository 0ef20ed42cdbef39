/** A received value described for a person, short and safe whatever the value; a field's path written for a person. */
const DESCRIBED_LENGTH = 80;

/** Thrown inside `boundedJson` once enough text is written: stops the walk. */
const ENOUGH = Symbol("enough");

/**
 * JSON.stringify's text for `value`, but only its first `limit` characters or so: the walk stops there, so a
 * huge, deeply nested or shared-reference value costs no more than a short one.
 */
function boundedJson(value: unknown, limit: number): string | undefined {
  let text = "";
  const write = (part: string) => {
    text += part;
    if (text.length > limit) throw ENOUGH;
  };
  const walk = (item: unknown, inArray: boolean): void => {
    if (item !== null && typeof item === "object" && typeof (item as { toJSON?: unknown }).toJSON === "function") {
      item = (item as { toJSON(): unknown }).toJSON();
    }
    if (typeof item === "string") {
      write(JSON.stringify(item.length > limit ? item.slice(0, limit + 1) : item));
    } else if (typeof item === "bigint") {
      write(`${item}n`);
    } else if (item === undefined || typeof item === "function" || typeof item === "symbol") {
      write(inArray ? "null" : "");
    } else if (item === null || typeof item !== "object") {
      write(JSON.stringify(item) ?? "null");
    } else if (Array.isArray(item)) {
      write("[");
      item.forEach((element, i) => {
        if (i > 0) write(",");
        walk(element, true);
      });
      write("]");
    } else {
      walkObject(item as Record<string, unknown>);
    }
  };
  const walkObject = (item: Record<string, unknown>): void => {
    write("{");
    let first = true;
    for (const key of Object.keys(item)) {
      const property = item[key];
      if (property === undefined || typeof property === "function" || typeof property === "symbol") continue;
      write(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      walk(property, false);
    }
    write("}");
  };
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  try {
    walk(value, false);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
  return text;
}

/** A short, safe rendering of a received value (never throws, whatever the value, and stops after 80 characters). */
export function describeValue(value: unknown): string {
  try {
    const text = boundedJson(value, DESCRIBED_LENGTH);
    if (text === undefined) return String(value);
    return text.length > DESCRIBED_LENGTH ? `${text.slice(0, DESCRIBED_LENGTH - 3)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A violation's `path` from the segments to a value: `errors[0].detail`. */
export function fieldPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, part) => (typeof part === "number" || /^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    "",
  );
}
