/**
 * The build: dist/ as ES modules and as CommonJS, each with its declarations. The library's entries (the
 * root, which runs wherever fetch does; `./mock`, which needs Node; `./msw`) get both formats; the CLI, run only
 * as the `conference-participants` command, is an ES module. Dependencies stay imports; everything else of
 * src/ and generated/ is bundled, and so are jsonc-parser and leven (devDependencies).
 */
import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// The two builds below run side by side, so neither may clean dist/: it is emptied once, here.
rmSync("dist", { recursive: true, force: true });

const common: Options = {
  target: "es2022",
  outDir: "dist",
  clean: false,
  sourcemap: false,
  splitting: true,
  treeshake: true,
  removeNodeProtocol: false,
  // Whitespace only: names stay, so stack traces still read; about 100 kB less installed.
  minifyWhitespace: true,
  // jsonc-parser is bundled (its ES module build, so only the visitor and scanner the body reader uses): as a
  // dependency it would install 276 kB of UMD and ESM copies. Its licence is in THIRD-PARTY-NOTICES.md.
  // leven (the edit distance behind "did you mean", 4 kB, ES modules only) is bundled for the same reason.
  noExternal: ["jsonc-parser", "leven"],
  esbuildOptions(options) {
    options.mainFields = ["module", "main"];
  },
};

/** The library's entry points: the root, `./mock` and `./msw`. */
const library = { index: "src/index.ts", "mock/index": "src/mock/index.ts", "msw/index": "src/msw/index.ts" };

export default defineConfig([
  {
    ...common,
    entry: { ...library, "cli/index": "src/cli/index.ts" },
    format: "esm",
    platform: "node",
    dts: { entry: library },
  },
  {
    ...common,
    entry: library,
    format: "cjs",
    platform: "node",
    dts: true,
  },
]);
