import { defineConfig } from "vitest/config";

/**
 * Tests that need the build (dist/), a browser, a packed tarball, or run other tools (the SDK generators,
 * Prism, Specmatic, Portman, the Node validators): `npm test` runs them, `npm run test:unit` does not.
 */
const whole = [
  "test/docs.test.ts",
  "test/mock-browser.test.ts",
  "test/package.test.ts",
  "test/quick-start.test.ts",
  "test/runtimes.test.ts",
  "test/generators/**/*.test.ts",
  "test/prism.test.ts",
  "test/tools/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: whole } },
      { extends: true, test: { name: "whole", include: whole } },
    ],
  },
});
