/**
 * `npm run generate`: openapi/ → generated/. Bundles the spec, writes one document per provider for SDK
 * generators and contract-testing tools (with Specmatic's dictionary beside each), the TypeScript types, the
 * facts the runtime needs about each operation, the precompiled validators, and the package's name and version.
 * Deterministic: the same spec gives the same bytes, and test/generated-fresh.test.ts proves the committed files
 * are what this writes. Prints each file it wrote and whether its bytes changed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
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
import { writtenFiles } from "./generate/written-files.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The package's version: every document's `info.version` must be it (package.json is its one home). */
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const outDir = resolve(root, process.argv[2] ?? "generated");
mkdirSync(outDir, { recursive: true });
const files = writtenFiles(outDir);

/** Bundles `openapi/<source>` into `generated/<output>` (compact JSON: `documentText`) and returns the document. */
function bundle(source: string, output: string) {
  const bundlePath = join(outDir, output);
  const before = files.read(output);
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
  files.write(output, documentText(document), before);
  return document;
}

const document = bundle("openapi.yaml", "openapi.json");

const providerDocuments = buildProviderDocuments(document);
for (const [file, text] of Object.entries({ ...providerDocuments, ...specmaticDictionaries(providerDocuments) })) {
  files.write(file, text);
}
files.write("types.ts", await buildTypes(document));
files.write("operations.ts", buildOperations(document));
files.write("validators.ts", buildValidators(document));

// The mock's admin API has a document of its own: bundled, typed, validated and routed from it.
const admin = bundle("mock-admin.yaml", "mock-admin.json");
const adminHeader = generatedHeader("openapi/mock-admin.yaml");
files.write("mock-admin-types.ts", await buildTypes(admin, adminHeader));
files.write("mock-admin-routes.ts", buildAdminRoutes(admin));
files.write("mock-admin-validators.ts", buildValidators(admin, adminHeader));

files.write("package.ts", buildPackage(JSON.parse(readFileSync(join(root, "package.json"), "utf8"))));
process.stdout.write(files.summary(process.cwd()));
