/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts, each in a process of its own, and writes
 * BENCHMARKS.md. Each benchmark measures its subject against a baseline in the same run and reports the
 * ratio; nothing here is a test. `npm run bench -- NAME` runs the files whose name contains NAME and
 * prints their sections without writing BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchSection {
  title: string;
  /** Markdown: what was measured, how, the figures and the ratio against the baseline. */
  body: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = readdirSync(join(root, "scripts", "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();

/** The sections of one benchmark file, run in this process. */
async function runFile(file: string): Promise<BenchSection[]> {
  console.log(`\n== ${file}`);
  const module = (await import(pathToFileURL(join(root, "scripts", "bench", file)).href)) as { run(): Promise<BenchSection[]> };
  return module.run();
}

// `npm run bench -- --child FILE OUT`: one file's sections, written as JSON to OUT (see below).
if (process.argv[2] === "--child") {
  writeFileSync(process.argv[4]!, JSON.stringify(await runFile(process.argv[3]!)));
  process.exit(0);
}

execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const only = process.argv[2];
const sections: BenchSection[] = [];
// Each file in a process of its own: what one benchmark leaves behind (a large heap after the mock's load,
// compiled code) weighs on none of the others, and the order of the files does not matter.
const scratch = mkdtempSync(join(tmpdir(), "bench-"));
for (const file of files) {
  if (only !== undefined && !file.includes(only)) continue;
  const out = join(scratch, `${file}.json`);
  execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", file, out], {
    cwd: root,
    stdio: "inherit",
  });
  sections.push(...(JSON.parse(readFileSync(out, "utf8")) as BenchSection[]));
}
rmSync(scratch, { recursive: true, force: true });

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
