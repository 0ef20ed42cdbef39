/**
 * The User-Agent the client sends: this package's name and version, read from its package.json. The file is
 * found by walking up from this module, so it works from src/ (tests), dist/src/ (the build) and an install.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

function nearestPackage(): { name: string; version: string } | undefined {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (typeof json.name === "string" && typeof json.version === "string") return { name: json.name, version: json.version };
    } catch {
      // no package.json here, or not one that names a package: look further up
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** `conference-participants/0.1.0 node/v20.20.0` */
export function userAgent(): string {
  if (cached === undefined) {
    const own = nearestPackage();
    cached = `${own ? `${own.name}/${own.version}` : "conference-participants"} node/${process.version}`;
  }
  return cached;
}
