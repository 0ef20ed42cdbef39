/**
 * Every cost bounded, every bad input a clear answer: JSON nested past a documented depth is a 400 (never a
 * stack overflow), and the docs' files are read and unpacked once whatever the concurrency, served only from
 * inside their folder, with ETags and a Content-Security-Policy on HTML.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../src/contract/json-body.js";
import { DOCS_CONTENT_SECURITY_POLICY, StaticFiles } from "../src/mock/node/static-files.js";
import { runCliInProcess } from "./helpers/cli.js";
import { basic, send } from "./helpers/http.js";
import { useMockServer } from "./helpers/mock-server.js";
import { ACCOUNT, SW_CALLS, SW_TOKEN, swPath } from "./fixtures/ids.js";

const mock = useMockServer();
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, () => {
  it("is a 400 invalid_json from the mock, naming the depth", async () => {
    const response = await send(mock.url, {
      path: swPath(SW_CALLS[0]),
      headers: { authorization: basic(ACCOUNT, SW_TOKEN), "content-type": "application/json" },
      body: deep(4000),
    });
    expect(response.status).toBe(400);
    expect((response.json as { message: string }).message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(mock.requests().at(-1)).toMatchObject({ verdict: "invalid", violations: [{ code: "invalid_json" }] });
  });

  it("is an invalid body for the CLI (exit 1), not a stack overflow", async () => {
    const result = await runCliInProcess(["validate-request", "--provider", "telnyx", "-"], deep(100_000));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it(`takes JSON nested ${MAX_JSON_DEPTH} deep, which is read as usual`, async () => {
    const result = await runCliInProcess(["validate-response", "--provider", "telnyx", "-"], deep(MAX_JSON_DEPTH));
    expect(result.stdout).not.toContain("nested deeper");
  });
});

describe("the docs' files", () => {
  const root = mkdtempSync(join(tmpdir(), "docs-files-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const docs = join(root, "dist", "docs");
  mkdirSync(docs, { recursive: true });
  mkdirSync(join(root, "generated"));
  const bundle = "console.log('bundle');\n".repeat(20_000);
  writeFileSync(join(docs, "bundle.js.gz"), gzipSync(bundle));
  writeFileSync(join(docs, "index.html"), "<!DOCTYPE html><title>docs</title>");
  writeFileSync(join(root, "secret.txt"), "outside the docs folder");
  symlinkSync(join(root, "secret.txt"), join(docs, "leak.txt"));
  const files = new StaticFiles(root);

  it("unpack a gzip copy once: 300 concurrent reads without gzip share one buffer", async () => {
    const reads = await Promise.all(Array.from({ length: 300 }, () => files.get("/docs/bundle.js", undefined)));
    expect(reads[0]!.body.toString()).toBe(bundle);
    expect(new Set(reads.map((file) => file!.body)).size).toBe(1);
  });

  it("are served only from inside the docs folder: a symbolic link that leads out is 404", async () => {
    expect((await files.get("/docs/leak.txt", undefined))?.status).toBe(404);
  });

  it("carry an ETag the mock answers 304 to, and the HTML its Content-Security-Policy", async () => {
    const page = await send(mock.url, { method: "GET", path: "/docs/" });
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(page.headers["cache-control"]).toBe("no-cache");
    const again = await send(mock.url, { method: "GET", path: "/docs/", headers: { "if-none-match": String(page.headers.etag) } });
    expect([again.status, again.text]).toEqual([304, ""]);
  });
});
