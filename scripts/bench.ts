/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in turn and writes BENCHMARKS.md. Each benchmark
 * measures its subject against a baseline in the same run and reports the ratio; nothing here is a test.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchSection {
  title: string;
  /** Markdown: what was measured, how, the figures and the ratio against the baseline. */
  body: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });

const only = process.argv[2];
const sections: BenchSection[] = [];
for (const file of readdirSync(join(root, "scripts", "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()) {
  if (only !== undefined && !file.includes(only)) continue;
  console.log(`\n== ${file}`);
  const module = (await import(pathToFileURL(join(root, "scripts", "bench", file)).href)) as { run(): Promise<BenchSection[]> };
  sections.push(...(await module.run()));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const markdown = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine}.`,
  "Every figure is a ratio against a baseline measured in the same run; absolute numbers move with the machine.",
  "",
  ...sections.flatMap((s) => [`## ${s.title}`, "", s.body.trim(), ""]),
  // What the profiles showed and what each change bought: written by hand, kept beside the benchmarks.
  readFileSync(join(root, "scripts", "bench", "analysis.md"), "utf8").trim(),
  "",
].join("\n");
if (only === undefined) writeFileSync(join(root, "BENCHMARKS.md"), markdown);
console.log(`\n${markdown}`);
