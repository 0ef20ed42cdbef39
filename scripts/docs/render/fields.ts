/**
 * A schema as the page shows it: an object as a table of its fields (type, required, description,
 * constraints), nested objects inside their field's row; alternatives (`anyOf`, `oneOf`) as a named list;
 * conditions on an object (which fields one of its cases requires) as a sentence above its table.
 */
import { code, escapeHtml } from "./html.js";
import { inlineMarkdown, markdown } from "./markdown.js";
import { type Json, refName } from "./refs.js";
import { constraintNotes, isRuleOnly, merged, typeLabel } from "./schema-words.js";

/** Nested objects deeper than this are named, not expanded (a cycle of `$ref`s stops here too). */
const MAX_DEPTH = 4;

interface Walk {
  document: unknown;
  depth: number;
}

function branchName(document: unknown, branch: Json, index: number): string {
  const own = merged(document, branch);
  const name = typeof own.title === "string" ? own.title : refName(branch);
  return name ?? `case ${index + 1}`;
}

/** The conditions an object's rule-only `anyOf`/`oneOf` puts on it, as a sentence and a list of named cases. */
function ruleSentence(document: unknown, keyword: "anyOf" | "oneOf", branches: Json[]): string {
  const cases = branches.map((branch, index) => {
    const own = merged(document, branch);
    const required = ((own.required as string[]) ?? []).map(code);
    const absent = Object.entries((own.properties as Json) ?? {})
      .filter(([, property]) => property === false)
      .map(([name]) => `${code(name)} absent`);
    const words = [...(required.length > 0 ? [`has ${required.join(" and ")}`] : []), ...absent].join(", ");
    // A case is named by its title, else by what it asks (`has status`): untitled cases never read alike.
    if (typeof own.title !== "string") return `<li>${words === "" ? escapeHtml(branchName(document, branch, index)) : words}</li>`;
    return `<li><strong>${escapeHtml(own.title)}</strong>${words === "" ? "" : `: ${words}`}</li>`;
  });
  const lead = keyword === "anyOf" ? "At least one of these holds:" : "Exactly one of these holds:";
  return `<div class="rule"><p>${lead}</p><ul>${cases.join("")}</ul></div>`;
}

/** A field whose value is one of several schemas: each named, with its type and constraints. */
function alternativesList(walk: Walk, keyword: "anyOf" | "oneOf", branches: Json[]): string {
  const items = branches.map((branch, index) => {
    const own = merged(walk.document, branch);
    const notes = constraintNotes(walk.document, branch);
    const named = typeof own.title === "string" || refName(branch) !== undefined;
    const head = named ? `<strong>${escapeHtml(branchName(walk.document, branch, index))}</strong>: ` : "";
    const type =
      named && typeof own.title === "string" ? typeLabel(walk.document, { ...own, title: undefined }) : typeLabel(walk.document, branch);
    const description = typeof own.description === "string" && !named ? ` ${inlineMarkdown(own.description)}` : "";
    return `<li>${head}<span class="type">${type}</span>${notes.length > 0 ? `; ${notes.join("; ")}` : ""}${description}${nested(walk, own)}</li>`;
  });
  return `<div class="alternatives"><p>${keyword === "oneOf" ? "Exactly one of:" : "One of:"}</p><ul>${items.join("")}</ul></div>`;
}

/** The fields of an object inside its parent's row, or of an array's items. */
function nested(walk: Walk, own: Json): string {
  if (walk.depth >= MAX_DEPTH) return "";
  const inner = { document: walk.document, depth: walk.depth + 1 };
  if (own.properties !== undefined && Object.keys(own.properties as Json).length > 0) return objectDetails(inner, own);
  if (own.items !== undefined) {
    const items = merged(walk.document, own.items as Json);
    if (items.properties !== undefined) return objectDetails(inner, items);
  }
  return "";
}

function fieldRow(walk: Walk, name: string, property: Json, required: boolean): string {
  const own = merged(walk.document, property);
  const badges = [
    required ? '<span class="badge required">required</span>' : "",
    own.deprecated === true ? '<span class="badge">deprecated</span>' : "",
  ].join("");
  const notes = constraintNotes(walk.document, property);
  const keyword = alternativesOf(own);
  const branches = keyword === undefined ? "" : alternativesList(walk, keyword, own[keyword] as Json[]);
  const label = typeLabel(walk.document, property);
  const type = keyword !== undefined && label === "any" ? "" : `<span class="type">${label}</span>`;
  return (
    `<tr data-field="${escapeHtml(name)}"><th scope="row"><code class="field">${escapeHtml(name)}</code>${type}${badges}</th><td>` +
    (typeof own.description === "string" ? markdown(own.description, 6) : "") +
    (notes.length > 0 ? `<ul class="notes">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>` : "") +
    branches +
    nested(walk, own) +
    "</td></tr>"
  );
}

/** Which keyword holds the schema's alternative values (branches with a shape of their own), if any. */
function alternativesOf(own: Json): "anyOf" | "oneOf" | undefined {
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = own[keyword];
    if (Array.isArray(branches) && !(branches as Json[]).every(isRuleOnly)) return keyword;
  }
  return undefined;
}

/** An object's conditions and its fields table. */
function objectDetails(walk: Walk, own: Json): string {
  const required = new Set((own.required as string[]) ?? []);
  const rules = ((own["x-rules"] as Json[]) ?? []).concat(
    alternativesOf(own) === undefined && (own.anyOf ?? own.oneOf) !== undefined ? [own] : [],
  );
  const sentences = rules.flatMap((rule) =>
    (["anyOf", "oneOf"] as const)
      .filter((keyword) => Array.isArray(rule[keyword]))
      .map((keyword) => ruleSentence(walk.document, keyword, rule[keyword] as Json[])),
  );
  const rows = Object.entries((own.properties as Record<string, Json>) ?? {})
    .filter(([, property]) => property !== (false as unknown))
    .map(([name, property]) => fieldRow(walk, name, property, required.has(name)));
  const table =
    rows.length === 0
      ? ""
      : `<div class="table-wrap" tabindex="0"><table class="fields"><thead><tr><th scope="col">Field</th><th scope="col">Description</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
  return sentences.join("") + table;
}

/** A body's or a parameter's schema: its name and description, the object's rules and fields, or its type and constraints. */
export function schemaBlock(document: unknown, schema: Json): string {
  const walk = { document, depth: 0 };
  const own = merged(document, schema);
  const head = `<p class="schema-type"><span class="type">${typeLabel(document, schema)}</span></p>`;
  const description = typeof own.description === "string" ? markdown(own.description, 6) : "";
  const notes = constraintNotes(document, schema);
  const noteList = notes.length > 0 ? `<ul class="notes">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>` : "";
  const keyword = alternativesOf(own);
  const shape = own.properties !== undefined ? objectDetails(walk, own) : nested(walk, own);
  const branches = keyword !== undefined && own.properties === undefined ? alternativesList(walk, keyword, own[keyword] as Json[]) : "";
  return head + description + noteList + branches + shape;
}
