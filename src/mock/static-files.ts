/**
 * The files the mock serves beside the API: the HTML docs (`dist/docs/`, built by `npm run docs`) at
 * `/docs`, and the bundled spec at `/openapi.json`. Found from the package root, so this works from
 * `src/` (tests) and from `dist/src/` (built) alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this file that holds the package's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "conference-participants")
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("conference-participants: package root not found");
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
}

export class StaticFiles {
  readonly #docs: string;
  readonly #spec: string;

  constructor(root = packageRoot()) {
    this.#docs = join(root, "dist", "docs");
    const fresh = join(root, "generated", "openapi.json");
    this.#spec = existsSync(fresh) ? fresh : join(root, "dist", "generated", "openapi.json");
  }

  /** The file for a GET of `pathname`, or undefined when the path is not one of these files'. */
  async get(pathname: string): Promise<StaticFile | undefined> {
    if (pathname === "/openapi.json") return this.#read(this.#spec, "the bundled spec is missing: run `npm run generate`");
    if (pathname !== "/docs" && !pathname.startsWith("/docs/")) return undefined;
    let relative = pathname.slice("/docs/".length);
    try {
      relative = decodeURIComponent(relative);
    } catch {
      return { status: 404, contentType: "text/plain; charset=utf-8", body: "Not found\n" };
    }
    const file = normalize(join(this.#docs, relative === "" ? "index.html" : relative));
    if (file !== this.#docs && !file.startsWith(this.#docs + sep))
      return { status: 404, contentType: "text/plain; charset=utf-8", body: "Not found\n" };
    return this.#read(file, relative === "" ? "The API docs are not built: run `npm run docs`, then reload.\n" : "Not found\n");
  }

  async #read(file: string, missing: string): Promise<StaticFile> {
    try {
      return { status: 200, contentType: CONTENT_TYPES[extname(file)] ?? "application/octet-stream", body: await readFile(file) };
    } catch {
      return { status: 404, contentType: "text/plain; charset=utf-8", body: missing };
    }
  }
}
