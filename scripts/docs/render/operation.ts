/**
 * One operation as a section of the page: its title, method and URLs, description, authentication,
 * parameters, request body and responses beside its samples (request examples per media type, code
 * samples, response examples per status).
 */
import { code, escapeHtml, preformatted, type Tab, tabs } from "./html.js";
import { inlineMarkdown, markdown } from "./markdown.js";
import { deref, type Json } from "./refs.js";
import { codeSamplesOf, examplesBlock, examplesOf } from "./samples.js";
import { schemaBlock } from "./fields.js";
import { constraintNotes, literal, typeLabel } from "./schema-words.js";

export interface Located {
  path: string;
  method: string;
  operation: Json;
  /** The servers that apply: the operation's, else its path's, else the document's. */
  servers: Json[];
}

function endpoint({ path, method, servers }: Located): string {
  const urls = (servers.length > 0 ? servers : [{ url: "" }]).map(
    (server) =>
      `<li><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code class="url">${escapeHtml(String(server.url))}${escapeHtml(path)}</code>` +
      (typeof server.description === "string" ? `<span class="server-description">${inlineMarkdown(server.description)}</span>` : "") +
      "</li>",
  );
  return `<ul class="endpoint">${urls.join("")}</ul>`;
}

function authentication(document: Json, operation: Json): string {
  const requirements = (operation.security ?? document.security ?? []) as Record<string, string[]>[];
  const schemes = ((document.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>;
  const names = [...new Set(requirements.flatMap((requirement) => Object.keys(requirement)))];
  if (names.length === 0) return "";
  const items = names.map((name) => {
    const scheme = deref(document, schemes[name] ?? {});
    const kind = scheme.type === "http" ? `HTTP ${String(scheme.scheme ?? "")}` : String(scheme.type ?? name);
    const description = typeof scheme.description === "string" ? inlineMarkdown(scheme.description) : "";
    return `<li><strong>${escapeHtml(kind)}</strong> (${code(name)}) ${description}</li>`;
  });
  return `<h4>Authentication</h4><ul class="auth">${items.join("")}</ul>`;
}

function parameters(document: Json, operation: Json): string {
  const all = ((operation.parameters as Json[]) ?? []).map((parameter) => deref(document, parameter));
  return ["path", "query", "header", "cookie"]
    .map((where) => {
      const rows = all
        .filter((parameter) => parameter.in === where)
        .map((parameter) => {
          const schema = (parameter.schema as Json) ?? {};
          const notes = constraintNotes(document, schema);
          if (parameter.example !== undefined) notes.push(`Example: ${literal(parameter.example)}`);
          const list = notes.length > 0 ? `<ul class="notes">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>` : "";
          return (
            `<tr data-field="${escapeHtml(String(parameter.name))}"><th scope="row"><code class="field">${escapeHtml(String(parameter.name))}</code>` +
            `<span class="type">${typeLabel(document, schema)}</span>${parameter.required === true ? '<span class="badge required">required</span>' : ""}</th>` +
            `<td>${typeof parameter.description === "string" ? markdown(parameter.description, 6) : ""}${list}</td></tr>`
          );
        });
      if (rows.length === 0) return "";
      const title = `${where.charAt(0).toUpperCase()}${where.slice(1)} parameters`;
      return `<h4>${title}</h4><div class="table-wrap" tabindex="0"><table class="fields"><thead><tr><th scope="col">Parameter</th><th scope="col">Description</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
    })
    .join("");
}

/** Each media type's schema; media types that share one schema are shown once, named together. */
function bodies(document: Json, content: Record<string, Json>): string {
  const groups = new Map<string, { types: string[]; schema: Json }>();
  for (const [type, media] of Object.entries(content)) {
    const key = JSON.stringify(media.schema ?? {});
    const group = groups.get(key) ?? { types: [], schema: (media.schema as Json) ?? {} };
    group.types.push(type);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => `<p class="media-types">${group.types.map(code).join(", ")}</p>${schemaBlock(document, group.schema)}`)
    .join("");
}

function requestBody(document: Json, operation: Json): string {
  if (operation.requestBody === undefined) return "";
  const body = deref(document, operation.requestBody as Json);
  const required = body.required === true ? ' <span class="badge required">required</span>' : "";
  const description = typeof body.description === "string" ? markdown(body.description, 6) : "";
  return `<h4>Request body${required}</h4>${description}${bodies(document, (body.content as Record<string, Json>) ?? {})}`;
}

function responses(document: Json, operation: Json): string {
  const entries = Object.entries((operation.responses as Record<string, Json>) ?? {}).map(([status, value]) => {
    const response = deref(document, value);
    const headers = Object.entries((response.headers as Record<string, Json>) ?? {}).map(([name, header]) => {
      const own = deref(document, header);
      return `<li>${code(name)}: ${typeof own.description === "string" ? inlineMarkdown(own.description) : ""}</li>`;
    });
    const open = status.startsWith("2") ? " open" : "";
    return (
      `<details class="response"${open}><summary><span class="status s${escapeHtml(status.charAt(0))}">${escapeHtml(status)}</span> ` +
      `${typeof response.description === "string" ? inlineMarkdown(response.description) : ""}</summary>` +
      (headers.length > 0 ? `<p>Headers:</p><ul>${headers.join("")}</ul>` : "") +
      bodies(document, (response.content as Record<string, Json>) ?? {}) +
      "</details>"
    );
  });
  return entries.length === 0 ? "" : `<h4>Responses</h4>${entries.join("")}`;
}

/** The samples column: request examples per media type, code samples, response examples per status. */
function samples(document: Json, id: string, operation: Json): string {
  const parts: string[] = [];
  const body = operation.requestBody === undefined ? undefined : deref(document, operation.requestBody as Json);
  const content = Object.entries((body?.content as Record<string, Json>) ?? {});
  const requestTabs: Tab[] = content.map(([type, media], index) => ({
    label: type,
    panel: examplesBlock(`${id}-request-${index}`, examplesOf(document, media)),
  }));
  if (requestTabs.length > 0) parts.push(`<h4>Request samples</h4>${tabs(`${id}-request`, "Request media type", requestTabs)}`);
  const code = codeSamplesOf(operation).map((sample) => ({ label: sample.label, panel: preformatted(escapeHtml(sample.source)) }));
  if (code.length > 0) parts.push(`<h4>Code samples</h4>${tabs(`${id}-code`, "Code samples", code)}`);
  const responseTabs: Tab[] = Object.entries((operation.responses as Record<string, Json>) ?? {}).map(([status, value], index) => {
    const media = Object.entries((deref(document, value).content as Record<string, Json>) ?? {});
    const panel = media
      .map(
        ([type, entry], n) =>
          `<p class="media-types">${escapeHtml(type)}</p>${examplesBlock(`${id}-response-${index}-${n}`, examplesOf(document, entry))}`,
      )
      .join("");
    return { label: status, panel: panel === "" ? '<p class="media-types">No body</p>' : panel };
  });
  if (responseTabs.length > 0) parts.push(`<h4>Response samples</h4>${tabs(`${id}-response`, "Response status", responseTabs)}`);
  return parts.join("");
}

/** The operation's section: `operation/{operationId}` is its fragment id (the one Redoc gave it, so old links still land). */
export function operationSection(document: Json, located: Located): string {
  const { operation } = located;
  const operationId = String(operation.operationId ?? `${located.method}-${located.path}`);
  const id = `op-${operationId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const title = typeof operation.summary === "string" ? operation.summary : operationId;
  const docs = operation.externalDocs as Json | undefined;
  const more = docs
    ? `<p class="external"><a href="${escapeHtml(String(docs.url))}">${escapeHtml(String(docs.description ?? docs.url))}</a></p>`
    : "";
  const deprecated = operation.deprecated === true ? '<p><span class="badge">deprecated</span></p>' : "";
  return (
    `<section class="operation" id="operation/${escapeHtml(operationId)}" aria-labelledby="${id}-title">` +
    `<div class="operation-main"><h3 id="${id}-title">${escapeHtml(title)}</h3>${deprecated}${endpoint(located)}` +
    `${typeof operation.description === "string" ? markdown(operation.description, 4) : ""}${more}` +
    `${authentication(document, operation)}${parameters(document, operation)}${requestBody(document, operation)}${responses(document, operation)}</div>` +
    `<div class="operation-samples">${samples(document, id, operation)}</div></section>`
  );
}
