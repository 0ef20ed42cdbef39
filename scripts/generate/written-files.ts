/**
 * What `npm run generate` wrote: each file is written through `write`, which compares the new bytes with what
 * was there before, and `summary` lists them in the order written, one line each:
 * `generated/openapi.json (unchanged)`, `(changed)` or `(new)`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";

export type WriteOutcome = "new" | "changed" | "unchanged";

export interface WrittenFiles {
  /** The file's bytes now, or undefined when it does not exist: take them before a tool overwrites the file. */
  read(file: string): Buffer | undefined;
  /** Writes `text` to `file` (under the output folder); `before` is its earlier bytes when a tool has since written it. */
  write(file: string, text: string, before?: Buffer): void;
  /** One line per file written, its path as seen from `cwd`. */
  summary(cwd: string): string;
}

export function writtenFiles(outDir: string): WrittenFiles {
  const outcomes: [string, WriteOutcome][] = [];
  const read = (file: string) => (existsSync(join(outDir, file)) ? readFileSync(join(outDir, file)) : undefined);
  return {
    read,
    write(file, text, before = read(file)) {
      const bytes = Buffer.from(text);
      writeFileSync(join(outDir, file), bytes);
      outcomes.push([file, before === undefined ? "new" : before.equals(bytes) ? "unchanged" : "changed"]);
    },
    summary(cwd) {
      const shown = (file: string) => {
        const path = relative(cwd, join(outDir, file));
        return path.startsWith("..") || isAbsolute(path) ? join(outDir, file) : path;
      };
      return outcomes.map(([file, outcome]) => `${shown(file)} (${outcome})\n`).join("");
    },
  };
}
