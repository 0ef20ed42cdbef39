/**
 * The files of the HTML reference: two static pages (the contract and the mock's admin API) that carry
 * every operation, field and example in their markup, one small script that switches their tabs and
 * examples, an icon, and the documents they link. Every URL in them is relative, so the folder works from
 * any host, a sub-path such as `/docs/`, or the file system, with no network.
 */
import { readFileSync } from "node:fs";
import { documentText, type OpenApiDocument } from "../generate/document.js";
import { escapeHtml } from "./render/html.js";
import type { Json } from "./render/refs.js";
import { referencePage } from "./render/reference-page.js";

/** Name → content of each file the docs folder holds. */
export type DocsFiles = Record<string, string>;

export const CONTRACT_FILE = "openapi.json";
/** The mock's admin API: its own document and page beside the contract's. */
export const ADMIN_FILE = "mock-admin.json";
const ADMIN_PAGE = "mock-admin.html";
const SCRIPT_FILE = "docs.js";
const ICON_FILE = "favicon.svg";

function asset(name: string): string {
  return readFileSync(new URL(`assets/${name}`, import.meta.url), "utf8");
}

/**
 * The line above each page that links the pages and documents beside it: the contract, one per provider
 * for SDK generators, and the mock's admin API.
 */
function documentsNav(providerFiles: string[]): string {
  const links = providerFiles.map((file) => `<a href="${escapeHtml(file)}">${escapeHtml(file)}</a>`).join(", ");
  return (
    `<nav id="documents" aria-label="Documents"><a href="index.html">The contract</a> (<a href="${CONTRACT_FILE}">${CONTRACT_FILE}</a>, every provider; ` +
    `for SDK generators, one per provider: ${links}) · <a href="${ADMIN_PAGE}">The mock's admin API</a> ` +
    `(<a href="${ADMIN_FILE}">${ADMIN_FILE}</a>)</nav>`
  );
}

/**
 * The docs folder: `contract` is the bundled contract as published (offered for download), `readerDocument`
 * the copy the page renders, `providerDocuments` the per-provider documents (file name → text), linked and served beside it.
 */
export function docsFiles(
  contract: OpenApiDocument & { info: { title: string; summary?: string } },
  readerDocument: OpenApiDocument,
  providerDocuments: Record<string, string>,
  admin: OpenApiDocument & { info: { title: string; summary?: string } },
): DocsFiles {
  const links = { documents: documentsNav(Object.keys(providerDocuments)), script: SCRIPT_FILE, icon: ICON_FILE };
  return {
    ...providerDocuments,
    "index.html": referencePage(readerDocument as unknown as Json, links),
    [ADMIN_PAGE]: referencePage(admin as unknown as Json, links),
    [SCRIPT_FILE]: asset(SCRIPT_FILE),
    [ICON_FILE]: asset(ICON_FILE),
    [ADMIN_FILE]: documentText(admin),
    [CONTRACT_FILE]: documentText(contract),
  };
}
