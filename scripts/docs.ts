/**
 * `npm run docs`: generated/openapi.json → dist/docs/, an HTML reference rendered here, at build time, that
 * loads nothing from any other host, with the contract and the per-provider documents beside it, and a page
 * of the mock's admin API. `tsx scripts/docs.ts [outDir]` writes elsewhere (the browser test uses a
 * temporary folder). A large file also gets a gzip copy beside it (`index.html.gz`): the package ships those
 * copies only, and the mock serves them with `Content-Encoding: gzip` (or unpacked to a client that takes no gzip).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { constants, gzipSync } from "node:zlib";
import { docsFiles } from "./docs/page.js";
import { readerCopy } from "./docs/reader-copy.js";
import { buildProviderDocuments } from "./generate/provider-documents.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(root, process.argv[2] ?? join("dist", "docs"));

const contract = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8"));
const admin = JSON.parse(readFileSync(join(root, "generated", "mock-admin.json"), "utf8"));
const files = docsFiles(contract, readerCopy(contract), buildProviderDocuments(contract), admin);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
/** Files at least this large get a gzip copy: both pages and the documents. */
const PRECOMPRESS_FROM_BYTES = 16 * 1024;

for (const [name, content] of Object.entries(files)) {
  writeFileSync(join(outDir, name), content);
  if (Buffer.byteLength(content) >= PRECOMPRESS_FROM_BYTES)
    writeFileSync(join(outDir, `${name}.gz`), gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
}
console.log(`API docs: ${join(outDir, "index.html")}`);
