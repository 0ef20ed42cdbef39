/**
 * The files of the HTML reference: a static page, Redoc's script beside it, and a script that hands Redoc
 * the document. Every URL in them is relative, so the folder works from any host, a sub-path such as
 * `/docs/`, or the file system, with no network.
 */
import type { OpenApiDocument } from "../generate/document.js";
import { LOGO_FILE, LOGO_SVG, offlineRedocBundle } from "./redoc-bundle.js";

/** Name → content of each file the docs folder holds. */
export type DocsFiles = Record<string, string>;

export const CONTRACT_FILE = "openapi.json";
const REDOC_FILE = "redoc.standalone.js";
const REFERENCE_FILE = "reference.js";
/** The mock's admin API: its own document, page and script beside the contract's. */
export const ADMIN_FILE = "mock-admin.json";
const ADMIN_PAGE = "mock-admin.html";
const ADMIN_REFERENCE_FILE = "mock-admin.js";

/** Redoc 2 options: see the `redoc` package's README. */
const REDOC_OPTIONS = {
  downloadDefinitionUrl: CONTRACT_FILE,
  downloadFileName: CONTRACT_FILE,
  expandDefaultServerVariables: true,
  expandResponses: "200",
  jsonSampleExpandLevel: "all",
  nativeScrollbars: true,
  sanitize: true,
  theme: {
    typography: {
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
      code: { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" },
    },
  },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** JSON that is also safe inside a script file served as JavaScript (no `</script>`, no U+2028/2029). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The line above each reference that links the pages and documents beside it: the contract, one per provider
 * for SDK generators, and the mock's admin API.
 */
function documentsNav(providerFiles: string[]): string {
  const links = providerFiles.map((file) => `<a href="${escapeHtml(file)}">${escapeHtml(file)}</a>`).join(", ");
  return (
    `<nav id="documents"><a href="index.html">The contract</a> (<a href="${CONTRACT_FILE}">${CONTRACT_FILE}</a>, every provider; ` +
    `for SDK generators, one per provider: ${links}) · <a href="${ADMIN_PAGE}">The mock's admin API</a> ` +
    `(<a href="${ADMIN_FILE}">${ADMIN_FILE}</a>)</nav>`
  );
}

function indexHtml(title: string, summary: string, providerFiles: string[], referenceFile = REFERENCE_FILE): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(summary)}">
<link rel="icon" href="${LOGO_FILE}" type="image/svg+xml">
<style>body { margin: 0; padding: 0; } #documents { padding: 8px 20px; font: 14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; border-bottom: 1px solid #ddd; }</style>
</head>
<body>
${documentsNav(providerFiles)}
<div id="redoc"><noscript>${escapeHtml(title)}: this reference needs JavaScript. The contract is in <a href="${CONTRACT_FILE}">${CONTRACT_FILE}</a>.</noscript></div>
<script src="${REDOC_FILE}"></script>
<script src="${referenceFile}"></script>
</body>
</html>
`;
}

function referenceJs(readerDocument: OpenApiDocument, download = CONTRACT_FILE): string {
  const options = { ...REDOC_OPTIONS, downloadDefinitionUrl: download, downloadFileName: download };
  return `Redoc.init(${scriptJson(readerDocument)}, ${JSON.stringify(options)}, document.getElementById("redoc"));\n`;
}

/**
 * The docs folder: `contract` is the bundled contract as published (offered for download), `readerDocument`
 * the copy Redoc renders, `providerDocuments` the per-provider documents (file name → text), linked and served beside it.
 */
export function docsFiles(
  contract: OpenApiDocument & { info: { title: string; summary?: string } },
  readerDocument: OpenApiDocument,
  providerDocuments: Record<string, string>,
  admin: OpenApiDocument & { info: { title: string; summary?: string } },
): DocsFiles {
  const providerFiles = Object.keys(providerDocuments);
  return {
    ...providerDocuments,
    "index.html": indexHtml(contract.info.title, contract.info.summary ?? contract.info.title, providerFiles),
    [REFERENCE_FILE]: referenceJs(readerDocument),
    [ADMIN_PAGE]: indexHtml(admin.info.title, admin.info.summary ?? admin.info.title, providerFiles, ADMIN_REFERENCE_FILE),
    [ADMIN_REFERENCE_FILE]: referenceJs(admin, ADMIN_FILE),
    [ADMIN_FILE]: `${JSON.stringify(admin, null, 2)}\n`,
    [REDOC_FILE]: offlineRedocBundle(),
    [LOGO_FILE]: LOGO_SVG,
    [CONTRACT_FILE]: `${JSON.stringify(contract, null, 2)}\n`,
  };
}
