/**
 * `npm run generate`: openapi/ → generated/. Bundles the spec, writes one document per provider for SDK
 * generators and contract-testing tools (with Specmatic's dictionary beside each), the TypeScript types, the
 * facts the runtime needs about each operation, the precompiled validators, and the package's name and version.
 * Deterministic: the same spec gives the same bytes, and test/generated-fresh.test.ts proves the committed files
 * are what this writes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildOperations } from "./generate/operations.js";
import { buildAdminRoutes } from "./generate/admin-routes.js";
import { buildPackage } from "./generate/package.js";
import { buildProviderDocuments } from "./generate/provider-documents.js";
import { specmaticDictionaries } from "./generate/specmatic-dictionary.js";
import { buildTypes, generatedHeader } from "./generate/types.js";
import { documentText } from "./generate/document.js";
import { buildValidators } from "./generate/validators.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The package's version: every document's `info.version` must be it (package.json is its one home). */
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const outDir = resolve(root, process.argv[2] ?? "generated");
mkdirSync(outDir, { recursive: true });

/** Bundles `openapi/<source>` into `generated/<output>` (compact JSON: `documentText`) and returns the document. */
function bundle(source: string, output: string) {
  const bundlePath = join(outDir, output);
  execFileSync(
    join(root, "node_modules", ".bin", "redocly"),
    ["bundle", join(root, "openapi", source), "--output", bundlePath, "--config", join(root, "redocly.yaml")],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
  );
  const document = JSON.parse(readFileSync(bundlePath, "utf8"));
  if (document.info.version !== version) {
    throw new Error(
      `openapi/${source}: info.version is ${document.info.version}, the package's version (package.json) is ${version}; write ${version} there`,
    );
  }
  writeFileSync(bundlePath, documentText(document));
  return document;
}

const document = bundle("openapi.yaml", "openapi.json");

const providerDocuments = buildProviderDocuments(document);
for (const [file, text] of Object.entries({ ...providerDocuments, ...specmaticDictionaries(providerDocuments) })) {
  writeFileSync(join(outDir, file), text);
}
writeFileSync(join(outDir, "types.ts"), await buildTypes(document));
writeFileSync(join(outDir, "operations.ts"), buildOperations(document));
writeFileSync(join(outDir, "validators.ts"), buildValidators(document));

// The mock's admin API has a document of its own: bundled, typed, validated and routed from it.
const admin = bundle("mock-admin.yaml", "mock-admin.json");
const adminHeader = generatedHeader("openapi/mock-admin.yaml");
writeFileSync(join(outDir, "mock-admin-types.ts"), await buildTypes(admin, adminHeader));
writeFileSync(join(outDir, "mock-admin-routes.ts"), buildAdminRoutes(admin));
writeFileSync(join(outDir, "mock-admin-validators.ts"), buildValidators(admin, adminHeader));

writeFileSync(join(outDir, "package.ts"), buildPackage(JSON.parse(readFileSync(join(root, "package.json"), "utf8"))));
