/**
 * The samples beside an operation: each media type's named examples (a chooser and the chosen one
 * printed), and the operation's code samples (`x-codeSamples`). JSON is printed with its keys, strings and
 * other values marked for colour.
 */
import { escapeHtml, preformatted } from "./html.js";
import { inlineMarkdown } from "./markdown.js";
import { deref, type Json } from "./refs.js";
import { merged } from "./schema-words.js";

export interface NamedExample {
  summary: string;
  description?: string;
  value: unknown;
}

/** A value for a schema that has no example: its const, default, first enum value or example, else a word for its type. */
function sampleOf(document: unknown, schema: Json, depth = 0): unknown {
  const own = merged(document, schema);
  for (const key of ["const", "default"]) if (own[key] !== undefined) return own[key];
  if (Array.isArray(own.examples) && own.examples.length > 0) return own.examples[0];
  if (own.example !== undefined) return own.example;
  if (Array.isArray(own.enum)) return own.enum[0];
  if (depth > 4) return null;
  if (own.properties !== undefined) {
    return Object.fromEntries(
      Object.entries(own.properties as Record<string, Json>).map(([name, property]) => [name, sampleOf(document, property, depth + 1)]),
    );
  }
  const type = Array.isArray(own.type) ? own.type[0] : own.type;
  if (type === "array") return own.items === undefined ? [] : [sampleOf(document, own.items as Json, depth + 1)];
  return { string: "string", integer: 0, number: 0, boolean: false, null: null }[type as string] ?? null;
}

/** A media type's examples in their order: named ones, else its one `example`, else one built from the schema. */
export function examplesOf(document: unknown, mediaType: Json): NamedExample[] {
  const named = Object.values((mediaType.examples as Record<string, Json>) ?? {}).map((example, index) => {
    const own = deref(document, example);
    const summary = typeof own.summary === "string" ? own.summary : `Example ${index + 1}`;
    return { summary, value: own.value, ...(typeof own.description === "string" ? { description: own.description } : {}) };
  });
  if (named.length > 0) return named;
  if (mediaType.example !== undefined) return [{ summary: "Example", value: mediaType.example }];
  if (mediaType.schema === undefined) return [];
  return [{ summary: "Built from the schema (the document gives no example)", value: sampleOf(document, mediaType.schema as Json) }];
}

/** JSON, indented, with spans for keys, strings and other literals. */
export function highlightedJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "";
  return text.replace(
    /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
    (match, string, colon, word, number) => {
      if (string !== undefined) return `<span class="${colon ? "k" : "s"}">${escapeHtml(string)}</span>${colon ?? ""}`;
      return `<span class="${word !== undefined ? "l" : number !== undefined ? "n" : ""}">${escapeHtml(match)}</span>`;
    },
  );
}

/**
 * A media type's examples: a chooser naming each when there are several (the page's script shows the
 * chosen one), every example printed in the markup, all but the first hidden until chosen.
 */
export function examplesBlock(id: string, examples: NamedExample[]): string {
  if (examples.length === 0) return "";
  const chooser =
    examples.length === 1
      ? `<p class="example-name">${inlineMarkdown(examples[0]!.summary)}</p>`
      : `<label class="example-chooser" for="${id}">Example <select id="${id}" data-examples autocomplete="off">${examples
          .map((example, index) => `<option value="${index}">${escapeHtml(example.summary)}</option>`)
          .join("")}</select></label>`;
  const printed = examples
    .map(
      (example, index) =>
        `<div class="example" data-example="${index}"${index === 0 ? "" : " hidden"}>` +
        (examples.length > 1 ? `<p class="example-name">${inlineMarkdown(example.summary)}</p>` : "") +
        (example.description === undefined ? "" : `<div class="example-description">${inlineMarkdown(example.description)}</div>`) +
        preformatted(highlightedJson(example.value), "json") +
        "</div>",
    )
    .join("");
  return chooser + printed;
}

/** The operation's `x-codeSamples`, each as `{label, source}`. */
export function codeSamplesOf(operation: Json): { label: string; source: string }[] {
  const samples = (operation["x-codeSamples"] ?? operation["x-code-samples"]) as Json[] | undefined;
  return (samples ?? []).map((sample) => ({
    label: String(sample.label ?? sample.lang ?? "sample"),
    source: String(sample.source ?? ""),
  }));
}
