/**
 * Path templates (`/Accounts/{AccountSid}/…`): filled in, for the client's request URLs, the mock's documented
 * paths and participant `uri`s and the admin API's paths; and matched, for the mock's routes and the admin
 * API's. The one place that reads a template: it is split once, and each fill or match only walks its parts.
 */

/** A filler for `template`: given each parameter's value, already encoded as its caller wants, the path. */
export function pathFiller(template: string): (valueFor: (name: string) => string) => string {
  const parts = template.split(/\{([^{}]+)\}/); // literal, name, literal, name, …, literal
  return (valueFor) => {
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) path += valueFor(parts[i]!) + parts[i + 1]!;
    return path;
  };
}

/** `template` with each `{name}` replaced by `valueFor(name)`. */
export function fillPath(template: string, valueFor: (name: string) => string): string {
  return pathFiller(template)(valueFor);
}

/** A path's values by parameter name, percent-decoded; undefined when the path is not of the template. */
export type PathMatcher = (parts: readonly string[]) => Record<string, string> | undefined;

function decodeSegment(segment: string): string | undefined {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A matcher for `template`, given a path split at `/`. A parameter is one whole segment (`{CallSid}`), or one
 * with a literal suffix (`{CallSid}.json`); literal segments are compared first, values decoded only then. A
 * value that is empty or has a malformed percent-escape matches nothing.
 */
export function pathMatcher(template: string): PathMatcher {
  const segments = template.split("/").map((segment) => {
    const parameter = /^\{([^{}]+)\}(.*)$/.exec(segment);
    return parameter ? { name: parameter[1]!, suffix: parameter[2]! } : segment;
  });
  return (parts) => {
    if (parts.length !== segments.length) return undefined;
    for (let i = 0; i < parts.length; i++) {
      const expected = segments[i]!;
      if (typeof expected === "string" ? parts[i] !== expected : !parts[i]!.endsWith(expected.suffix)) return undefined;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const expected = segments[i]!;
      if (typeof expected === "string") continue;
      const part = parts[i]!;
      const value = decodeSegment(part.slice(0, part.length - expected.suffix.length));
      if (value === undefined || value === "") return undefined;
      values[expected.name] = value;
    }
    return values;
  };
}
