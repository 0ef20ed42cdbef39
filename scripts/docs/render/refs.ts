/** `$ref`s inside one bundled OpenAPI document: followed by JSON Pointer, any component kind. */
export type Json = { [key: string]: unknown };

/** The value at a local JSON Pointer (`#/components/parameters/provider`); throws when there is none. */
export function pointed(document: unknown, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`${ref}: only references inside the document are rendered`);
  let value: unknown = document;
  for (const part of ref.slice(2).split("/")) {
    const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
    value = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
    if (value === undefined) throw new Error(`${ref}: not found in the document`);
  }
  return value as Json;
}

/** `value` with its `$ref` followed, as many times as it takes; the referring object's other keys win. */
export function deref(document: unknown, value: Json): Json {
  let current = value;
  for (let hops = 0; typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`${String(value.$ref)}: a chain of references that does not end`);
    const { $ref, ...siblings } = current;
    current = { ...pointed(document, $ref as string), ...siblings };
  }
  return current;
}

/** The last segment of a `$ref` (`#/components/schemas/Fault` → `Fault`), or undefined. */
export function refName(value: Json): string | undefined {
  return typeof value.$ref === "string" ? value.$ref.split("/").at(-1) : undefined;
}
