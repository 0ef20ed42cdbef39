/**
 * The mock's file serving of a file kept only as gzip (the package ships the docs' pages as
 * `index.html.gz`): sent as it is with Content-Encoding to a client that accepts gzip, unpacked for
 * one that does not, and never under its `.gz` name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { acceptsGzip, DOCS_CONTENT_SECURITY_POLICY, StaticFiles } from "../src/mock/node/static-files.js";

const root = mkdtempSync(join(tmpdir(), "static-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const script = "console.log('bundle');\n".repeat(100);
mkdirSync(join(root, "dist", "docs"), { recursive: true });
writeFileSync(join(root, "dist", "docs", "bundle.js.gz"), gzipSync(script));
writeFileSync(join(root, "dist", "docs", "index.html"), "<!DOCTYPE html>");
const files = new StaticFiles(root);

describe("Accept-Encoding", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, GZIP;q=0.5", true],
    ["*", true],
    ["gzip;q=0", false],
    ["identity", false],
    ["deflate, br", false],
    [undefined, false],
    ["", false],
  ])("%j accepts gzip: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("a file kept as gzip", () => {
  it("is sent compressed, with Content-Encoding and Vary, to a client that accepts gzip", async () => {
    const file = await files.get("/docs/bundle.js", "gzip, deflate");
    expect(file?.status).toBe(200);
    expect(file?.contentType).toBe("text/javascript; charset=utf-8");
    expect(file?.headers).toEqual({
      "content-encoding": "gzip",
      vary: "Accept-Encoding",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      etag: expect.stringMatching(/^"[\w-]+-gzip"$/),
    });
    expect(gunzipSync(file!.body as Buffer).toString("utf8")).toBe(script);
  });

  it("is unpacked for a client that does not accept gzip", async () => {
    const file = await files.get("/docs/bundle.js", "identity");
    expect(file?.status).toBe(200);
    expect(file?.headers).toEqual({
      vary: "Accept-Encoding",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      etag: expect.stringMatching(/^"[\w-]+"$/),
    });
    expect(file?.body.toString()).toBe(script);
  });

  it("is not served under its .gz name", async () => {
    expect((await files.get("/docs/bundle.js.gz", "gzip"))?.status).toBe(404);
  });

  it("leaves a plain file as it is", async () => {
    const file = await files.get("/docs/", "gzip");
    expect(file?.status).toBe(200);
    expect(file?.headers).toEqual({
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      etag: expect.stringMatching(/^"[\w-]+"$/),
      "content-security-policy": DOCS_CONTENT_SECURITY_POLICY,
    });
    expect(file?.body.toString()).toBe("<!DOCTYPE html>");
  });
});
