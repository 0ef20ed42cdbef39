/**
 * The files the mock serves beside the API: the HTML docs (`dist/docs/`, built by `npm run docs`) at
 * `/docs`, the bundled spec (`generated/openapi.json`) at `/openapi.json`, each per-provider document at
 * `/<provider>.openapi.json` and the mock's admin API's at `/mock-admin.json`. Found from the package root, so
 * this works from `src/` (tests), from `dist/` (built) and from an installed package alike. A file kept
 * only as gzip (`name.gz`, as the package ships the docs' pages) is sent as it is with `Content-Encoding:
 * gzip` to a client that accepts gzip, and unpacked for one that does not.
 */
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_NAME } from "../../../generated/package.js";
import { FileCache } from "./file-cache.js";

/** The nearest folder above this file that holds the package's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: package root not found`);
    dir = parent;
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

export interface StaticFile {
  status: number;
  contentType: string;
  body: Buffer | string;
  /**
   * Further response headers: `etag` and `cache-control` (revalidate each time: the docs change when rebuilt),
   * `content-encoding` and `vary` for a file kept as gzip, the page's `content-security-policy` on HTML.
   */
  headers?: Record<string, string>;
}

/**
 * What a docs page may load: only its own files and its inlined styles (the page's first paint), nothing from
 * another host; no page may frame it, and it posts no form.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Whether an Accept-Encoding header value accepts gzip (`gzip` or `*`, with a q-value above 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? "").split(",").some((entry) => {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const NOT_FOUND: StaticFile = { status: 404, contentType: "text/plain; charset=utf-8", body: "Not found\n" };

/** `/openapi.json`, `/signalwire.openapi.json`, …, `/mock-admin.json`: the OpenAPI documents `npm run generate` writes. */
const SPEC_PATH = /^\/(?:(?:[a-z]+\.)?openapi|mock-admin)\.json$/;

export class StaticFiles {
  readonly #docs: string;
  readonly #generated: string;
  readonly #cache = new FileCache();

  constructor(root = packageRoot()) {
    this.#docs = join(root, "dist", "docs");
    this.#generated = join(root, "generated");
  }

  /**
   * The file for a GET of `pathname`, or undefined when the path is not one of these files'. `acceptEncoding`
   * is the request's Accept-Encoding header.
   */
  async get(pathname: string, acceptEncoding?: string): Promise<StaticFile | undefined> {
    const missingDocument = "no such OpenAPI document: run `npm run generate`";
    if (SPEC_PATH.test(pathname)) return this.#read(this.#generated, pathname.slice(1), missingDocument, acceptEncoding);
    if (pathname !== "/docs" && !pathname.startsWith("/docs/")) return undefined;
    // Beside the page, a document is the docs folder's copy when it has one, else generated/'s: the package
    // ships the documents once, in generated/.
    const document = pathname.slice("/docs".length);
    if (SPEC_PATH.test(document)) {
      const copy = await this.#read(this.#docs, document.slice(1), missingDocument, acceptEncoding);
      return copy.status === 200 ? copy : this.#read(this.#generated, document.slice(1), missingDocument, acceptEncoding);
    }
    let relative = pathname.slice("/docs/".length);
    try {
      relative = decodeURIComponent(relative);
    } catch {
      return NOT_FOUND;
    }
    const file = normalize(join(this.#docs, relative === "" ? "index.html" : relative));
    if (file !== this.#docs && !file.startsWith(this.#docs + sep)) return NOT_FOUND;
    if (file.endsWith(".gz")) return NOT_FOUND; // a gzip copy is served under its plain name only
    return this.#read(
      this.#docs,
      file.slice(this.#docs.length + 1),
      relative === "" ? "The API docs are not built: run `npm run docs`, then reload.\n" : "Not found\n",
      acceptEncoding,
    );
  }

  /**
   * Answers a GET or HEAD of one of these files (`/` and `/docs` redirect to `/docs/`); resolves false, having
   * sent nothing, when the path is none of theirs.
   */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname === "/" || pathname === "/docs") {
      res.writeHead(302, { location: "/docs/", "content-length": 0 });
      res.end();
      return true;
    }
    const file = await this.get(pathname, req.headers["accept-encoding"]);
    if (file === undefined) return false;
    const etag = file.headers?.etag;
    if (etag !== undefined && req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag)) {
      res.writeHead(304, {
        etag,
        "cache-control": file.headers!["cache-control"]!,
        ...(file.headers!.vary ? { vary: file.headers!.vary } : {}),
      });
      res.end();
      return true;
    }
    res.writeHead(file.status, { "content-type": file.contentType, "content-length": Buffer.byteLength(file.body), ...file.headers });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  }

  /** `name` in `folder` (or its `.gz` copy) as the client takes it; `missing` is the 404's text. */
  async #read(folder: string, name: string, missing: string, acceptEncoding: string | undefined): Promise<StaticFile> {
    const contentType = CONTENT_TYPES[extname(name)] ?? "application/octet-stream";
    const cached = await this.#cache.get(folder, join(folder, name));
    if (cached === undefined) return { status: 404, contentType: "text/plain; charset=utf-8", body: missing };
    const headers: Record<string, string> = { "cache-control": "no-cache", etag: cached.etag, "x-content-type-options": "nosniff" };
    if (contentType.startsWith("text/html")) headers["content-security-policy"] = DOCS_CONTENT_SECURITY_POLICY;
    if (!cached.gzipped) return { status: 200, contentType, body: cached.stored, headers };
    headers.vary = "Accept-Encoding";
    if (!acceptsGzip(acceptEncoding)) return { status: 200, contentType, body: await cached.plain(), headers };
    const gzipTag = `${cached.etag.slice(0, -1)}-gzip"`;
    return { status: 200, contentType, body: cached.stored, headers: { ...headers, etag: gzipTag, "content-encoding": "gzip" } };
  }
}
