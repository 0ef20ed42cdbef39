/**
 * One module of src/ built on its own (bundled as the package build bundles it, dependencies left as imports)
 * into artifacts/bench/, for the cold-start benchmarks of a part of the package: dist/ holds only the
 * package's entry points.
 */
import { buildSync } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The absolute path of `source` (relative to src/, such as `contract/validate.ts`) built as one ES module. */
export function builtModule(source: string): string {
  const outfile = join(root, "artifacts", "bench", source.replace(/\//g, "-").replace(/\.ts$/, ".js"));
  buildSync({
    entryPoints: [join(root, "src", source)],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    packages: "external",
    logLevel: "error",
  });
  return outfile;
}
