/**
 * The files the mock serves, each read from disk once and kept until it changes on disk: a file kept only as
 * gzip (`name.gz`) is unpacked once, for the clients that take no gzip, and shared by every request for it. Memory stays that of
 * the files themselves whatever the concurrency (unpacking per request took the mock from 62 MB to 721 MB under
 * 300 concurrent reads of Redoc's bundle). Only files inside their folder are served: a symbolic link that
 * leads out of it is no file here.
 */
import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { sep } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

const gunzipAsync = promisify(gunzip);

/** One file as it is served: its bytes as stored, gzip or not, the plain bytes (made once, when first asked), an ETag. */
export interface CachedFile {
  readonly stored: Buffer;
  readonly gzipped: boolean;
  plain(): Promise<Buffer>;
  /** The ETag of the plain representation; the gzip one's is the same with `-gzip` before the closing quote. */
  readonly etag: string;
}

/** Whether `file` really lies inside `folder` (its symbolic links followed), and so may be served. */
async function inside(folder: string, file: string): Promise<boolean> {
  try {
    const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(file)]);
    return realFile === realFolder || realFile.startsWith(realFolder + sep);
  } catch {
    return false;
  }
}

/** Where a file is stored (its `.gz` copy first), and its version on disk; undefined when it is not inside `folder`. */
async function locate(folder: string, file: string): Promise<{ path: string; gzipped: boolean; version: string } | undefined> {
  for (const [path, gzipped] of [
    [`${file}.gz`, true],
    [file, false],
  ] as const) {
    const found = await stat(path).catch(() => undefined);
    if (found?.isFile() && (await inside(folder, path))) return { path, gzipped, version: `${found.mtimeMs}:${found.size}` };
  }
  return undefined;
}

async function load(path: string, gzipped: boolean): Promise<CachedFile | undefined> {
  const stored = await readFile(path).catch(() => undefined);
  if (stored === undefined) return undefined;
  let plain: Promise<Buffer> | undefined;
  const unpacked = () => (plain ??= gzipped ? gunzipAsync(stored) : Promise.resolve(stored));
  const etag = `"${createHash("sha256").update(stored).digest("base64url").slice(0, 27)}"`;
  return { stored, gzipped, plain: unpacked, etag };
}

/** Files by path, each loaded once per version on disk; nothing is kept for a path that is no file. */
export class FileCache {
  readonly #loaded = new Map<string, { version: string; file: Promise<CachedFile | undefined> }>();

  /** The file at `file` in `folder` (or its `.gz` copy), or undefined when there is none inside the folder. */
  async get(folder: string, file: string): Promise<CachedFile | undefined> {
    const where = await locate(folder, file);
    if (where === undefined) {
      this.#loaded.delete(file);
      return undefined;
    }
    const known = this.#loaded.get(file);
    if (known !== undefined && known.version === where.version) return known.file;
    const loading = load(where.path, where.gzipped);
    this.#loaded.set(file, { version: where.version, file: loading });
    return loading;
  }
}
