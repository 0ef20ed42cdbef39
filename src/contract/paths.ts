/**
 * Path templates (`/Accounts/{AccountSid}/…`) filled in: the one place that does it, for the client's
 * request URLs, the mock's documented paths and participant `uri`s, and the admin API's paths. The
 * template is split once; each fill only joins.
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
