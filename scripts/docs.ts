/**
 * `npm run docs`: generated/openapi.json → dist/docs/, an HTML reference that loads nothing from any
 * other host. `tsx scripts/docs.ts [outDir]` writes elsewhere (the browser test uses a temporary folder).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { docsFiles } from "./docs/page.js";
import { readerCopy } from "./docs/reader-copy.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(root, process.argv[2] ?? join("dist", "docs"));

const contract = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8"));
const files = docsFiles(contract, readerCopy(contract));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
console.log(`API docs: ${join(outDir, "index.html")}`);
