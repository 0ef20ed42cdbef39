import { defineConfig } from "vitest/config";

/**
 * Specmatic's generative mode against the mock (test/tools/specmatic-generative.check.ts): minutes long, so
 * not part of `npm test`. Run it with `npx vitest run -c vitest.generative.config.ts`.
 */
export default defineConfig({
  test: { include: ["test/tools/specmatic-generative.check.ts"], testTimeout: 900_000, hookTimeout: 60_000 },
});
