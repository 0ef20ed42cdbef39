/**
 * A whole reference page from an OpenAPI document, as static HTML: the menu, the introduction (the
 * description up to its first top-level heading), each tag's operations, then the description's
 * top-level sections (the contract's long decisions table comes after the operations). Everything a reader
 * came for is in the markup; the page's script (`docs.js`) only switches tabs and examples.
 */
import { readFileSync } from "node:fs";
import { escapeHtml, slug } from "./html.js";
import { inlineMarkdown, markdown, splitAtHeadings } from "./markdown.js";
import { type Located, operationSection } from "./operation.js";
import type { Json } from "./refs.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** The page's styles, inlined (line breaks and indentation dropped) so the first paint needs no other request. */
const STYLE = readFileSync(new URL("../assets/page.css", import.meta.url), "utf8").replace(/\n\s*/g, "");
/** Without scripts: every tab panel and example shown under its name, the tab lists and choosers hidden. */
const NOSCRIPT_STYLE =
  "[role=tablist],.example-chooser{display:none}[role=tabpanel][hidden],.example[hidden]{display:block}.panel-label,.example>.example-name{display:block}";

export interface PageLinks {
  /** The `<nav id="documents">` line above the page. */
  documents: string;
  /** File names, relative to the page. */
  script: string;
  icon: string;
}

/** Every operation with its method, path and servers, in the document's order; path-level parameters added. */
/**
 * The id of an empty element after the reference's last section, which the page's first rendering waits for
 * (`<link rel="expect" blocking="render">`, where the browser supports it). A long page is otherwise drawn
 * while half parsed: an element cut at the parser's frontier (a select without its options, a badge without
 * its text) is drawn small, then grows and moves, a layout shift the test saw once in twenty loads.
 */
const RENDER_AFTER = "reference-end";

function locatedOperations(document: Json): Located[] {
  return Object.entries((document.paths as Record<string, Json>) ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, value]) => {
        const operation = value as Json;
        const own = (operation.parameters as Json[]) ?? [];
        const key = (parameter: Json) => `${String(parameter.in)} ${String(parameter.name)} ${String(parameter.$ref)}`;
        const inherited = ((item.parameters as Json[]) ?? []).filter((parameter) => !own.some((mine) => key(mine) === key(parameter)));
        const servers = (operation.servers ?? item.servers ?? document.servers ?? []) as Json[];
        return { path, method, servers, operation: { ...operation, parameters: [...inherited, ...own] } };
      }),
  );
}

/** Tag name → its operations, in the order of the document's `tags`, then any other tag, then untagged ones. */
function byTag(document: Json, operations: Located[]): { name: string; description?: string; operations: Located[] }[] {
  const declared = ((document.tags as Json[]) ?? []).map((tag) => ({
    name: String(tag.name),
    description: tag.description as string | undefined,
  }));
  const names = [...declared.map((tag) => tag.name), ...operations.flatMap((located) => (located.operation.tags as string[]) ?? [])];
  const groups = [...new Set(names)].map((name) => ({
    name,
    ...(declared.find((tag) => tag.name === name)?.description === undefined
      ? {}
      : { description: declared.find((tag) => tag.name === name)!.description }),
    operations: operations.filter((located) => ((located.operation.tags as string[]) ?? []).includes(name)),
  }));
  const untagged = operations.filter((located) => ((located.operation.tags as string[]) ?? []).length === 0);
  if (untagged.length > 0) groups.push({ name: "Operations", operations: untagged });
  return groups.filter((group) => group.operations.length > 0);
}

function menu(groups: ReturnType<typeof byTag>, sections: { title: string }[]): string {
  const tagItems = groups.map((group) => {
    const operations = group.operations.map((located) => {
      const title = String(located.operation.summary ?? located.operation.operationId);
      return `<li><a href="#operation/${escapeHtml(String(located.operation.operationId))}"><span class="method ${escapeHtml(located.method)}">${escapeHtml(located.method.toUpperCase())}</span> ${escapeHtml(title)}</a></li>`;
    });
    return `<li><a href="#tag/${escapeHtml(slug(group.name))}">${escapeHtml(group.name)}</a><ul>${operations.join("")}</ul></li>`;
  });
  const sectionItems = sections.map((section) => `<li><a href="#section/${slug(section.title)}">${inlineMarkdown(section.title)}</a></li>`);
  return `<nav class="menu" aria-label="Contents"><ul><li><a href="#introduction">Introduction</a></li>${tagItems.join("")}${sectionItems.join("")}</ul></nav>`;
}

function introduction(info: Json, intro: string): string {
  const license = info.license as Json | undefined;
  const facts = [`Version ${escapeHtml(String(info.version))}`, ...(license?.name ? [`${escapeHtml(String(license.name))} license`] : [])];
  const summary = typeof info.summary === "string" ? `<p class="summary">${inlineMarkdown(info.summary)}</p>` : "";
  return `<section id="introduction" aria-labelledby="page-title"><h1 id="page-title">${escapeHtml(String(info.title))}</h1><p class="facts">${facts.join(" · ")}</p>${summary}${markdown(intro, 2)}</section>`;
}

/** The page for `document` (a bundled OpenAPI 3.1 document). */
export function referencePage(document: Json, links: PageLinks): string {
  const info = document.info as Json;
  const parts = splitAtHeadings(typeof info.description === "string" ? info.description : "");
  const groups = byTag(document, locatedOperations(document));
  const tagSections = groups.map(
    (group) =>
      `<section class="tag" id="tag/${escapeHtml(slug(group.name))}" aria-labelledby="tag-${escapeHtml(slug(group.name))}"><h2 id="tag-${escapeHtml(slug(group.name))}">${escapeHtml(group.name)}</h2>` +
      `${group.description === undefined ? "" : markdown(group.description, 3)}${group.operations.map((located) => operationSection(document, located)).join("")}</section>`,
  );
  const appendix = parts.sections.map(
    (section) =>
      `<section class="appendix" aria-labelledby="section/${slug(section.title)}"><h2 id="section/${slug(section.title)}">${inlineMarkdown(section.title)}</h2>${markdown(section.body, 3 - parts.depth)}</section>`,
  );
  const summary = typeof info.summary === "string" ? info.summary : String(info.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title))}</title>
<meta name="description" content="${escapeHtml(summary)}">
<link rel="icon" href="${links.icon}" type="image/svg+xml">
<link rel="expect" href="#${RENDER_AFTER}" blocking="render">
<style>${STYLE}</style>
<noscript><style>${NOSCRIPT_STYLE}</style></noscript>
<script src="${links.script}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the reference</a>
${links.documents}
<div class="layout">
${menu(groups, parts.sections)}
<main id="main">
${introduction(info, parts.intro)}
${tagSections.join("\n")}
${appendix.join("\n")}
<div id="${RENDER_AFTER}"></div>
</main>
</div>
</body>
</html>
`;
}
