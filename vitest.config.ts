import { defineConfig } from "vitest/config";

/**
 * Tests that need the build (dist/), a browser, a packed tarball, run other tools (the SDK generators, Prism,
 * Specmatic, Portman, the Node validators, the linters, the generator, tsc), start Node processes or send heavy
 * traffic (2,400 generated requests, a 50 MB body): `npm test` runs them, `npm run test:unit` does not.
 */
const whole = [
  "test/docs.test.ts",
  "test/mock-browser.test.ts",
  "test/readme-samples.test.ts",
  "test/package.test.ts",
  "test/quick-start.test.ts",
  "test/runtimes.test.ts",
  "test/generators/**/*.test.ts",
  "test/prism.test.ts",
  "test/contract-lint.test.ts",
  "test/generated-fresh.test.ts",
  "test/docs-samples.test.ts",
  "test/cli-process.test.ts",
  "test/mock-reliability.test.ts",
  "test/mock-large-body.test.ts",
  "test/msw-peer.test.ts",
  "test/tools/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // Two files at a time in both projects: the unit tests wait on sockets and timers as much as they compute,
      // the whole project's on the tools, browsers and processes they start, and Vitest's default (one fewer
      // than the cores) runs them one by one on a 2-core machine (the whole project: 258 s one by one, 209 s two
      // at a time). The projects run as groups, one after the other: the unit files first, then the whole's.
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: whole, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: "whole", include: whole, maxWorkers: 2, sequence: { groupOrder: 1 } } },
    ],
  },
});
