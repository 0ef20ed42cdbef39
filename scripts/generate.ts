/**
 * `npm run generate`: openapi/ → generated/. Bundles the spec, writes the TypeScript types, the facts the
 * runtime needs about each operation, and the precompiled validators. Deterministic: the same spec gives
 * the same bytes, and test/generated-fresh.test.ts proves the committed files are what this writes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildOperations } from "./generate/operations.js";
import { buildTypes } from "./generate/types.js";
import { buildValidators } from "./generate/validators.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(root, process.argv[2] ?? "generated");
mkdirSync(outDir, { recursive: true });

const bundlePath = join(outDir, "openapi.json");
execFileSync(
  join(root, "node_modules", ".bin", "redocly"),
  ["bundle", join(root, "openapi", "openapi.yaml"), "--output", bundlePath, "--config", join(root, "redocly.yaml")],
  { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
);
const document = JSON.parse(readFileSync(bundlePath, "utf8"));
writeFileSync(bundlePath, `${JSON.stringify(document, null, 2)}\n`);

writeFileSync(join(outDir, "types.ts"), await buildTypes(document));
writeFileSync(join(outDir, "operations.ts"), buildOperations(document));
writeFileSync(join(outDir, "validators.ts"), buildValidators(document));
