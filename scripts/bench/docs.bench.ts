/**
 * The HTML docs in Lighthouse: the contract's page and the admin API's page as the built mock serves them
 * (`/docs/`, gzip), beside Redocly's own `build-docs` output of the same contract (served gzipped from
 * 127.0.0.1 too; the Redoc it loads from a CDN is blocked, as offline). Both presets, a few runs each in
 * turns; the run with the median performance score is reported.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { BenchSection } from "../bench.js";
import { LIGHTHOUSE, lighthouse, type Preset, type Report } from "./lighthouse.js";
import { interleave, packageRoot } from "./stats.js";

const root = fileURLToPath(packageRoot);
const RUNS = 3;
/** The targets of issue 23, for the package's own pages. */
const TARGETS = { performance: { desktop: 0.95, mobile: 0.85 }, accessibility: 1, "best-practices": 1, seo: 0.9 };

/** Serves one HTML file at `/`, gzipped when the client takes gzip. */
function serveFile(file: string): Promise<Server> {
  const html = readFileSync(file);
  const gzipped = gzipSync(html);
  const server = createServer((request, response) => {
    if (new URL(request.url ?? "/", "http://127.0.0.1").pathname !== "/") return void response.writeHead(404).end();
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      vary: "Accept-Encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    response.end(gzip ? gzipped : html);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The built mock on a free port, once it serves `/docs/`. */
async function startMock(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, "dist", "cli", "index.js"), "mock", "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "pipe", "ignore"],
  });
  let printed = "";
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const chunk = (child.stdout?.read() as Buffer | null)?.toString() ?? "";
    printed += chunk;
    const url = printed.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
    if (url !== undefined && (await fetch(`${url}/docs/`).catch(() => undefined))?.status === 200) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`the mock did not serve /docs/ within 30 s; it printed: ${printed}`);
}

/** The run whose performance score is the median of the runs, and the runs' range of performance. */
function medianRun(reports: Report[]): { report: Report; low: number; high: number } {
  const sorted = [...reports].sort((a, b) => a.scores.performance - b.scores.performance);
  const performance = sorted.map((report) => report.scores.performance);
  return { report: sorted[Math.floor(sorted.length / 2)]!, low: performance[0]!, high: performance.at(-1)! };
}

function meets(report: Report, preset: Preset): boolean {
  const { scores } = report;
  return (
    scores.performance >= TARGETS.performance[preset] &&
    scores.accessibility >= TARGETS.accessibility &&
    scores["best-practices"] >= TARGETS["best-practices"] &&
    scores.seo >= TARGETS.seo
  );
}

const score = (value: number) => value.toFixed(2);
const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;

function row(name: string, preset: Preset, runs: Report[], own: boolean): string {
  const { report, low, high } = medianRun(runs);
  const { scores, metrics } = report;
  const goal = own ? (meets(report, preset) ? "met" : "**not met**") : "(anchor)";
  return `| ${name} | ${preset} | **${score(scores.performance)}** (${score(low)}–${score(high)}) | ${score(scores.accessibility)} | ${score(scores["best-practices"])} | ${score(scores.seo)} | ${ms(metrics.fcp)} | ${ms(metrics.lcp)} | ${ms(metrics.tbt)} | ${metrics.cls.toFixed(3)} | ${Math.round(report.bytes / 1024)} KiB | ${goal} |`;
}

export async function run(): Promise<BenchSection[]> {
  const scratch = mkdtempSync(join(tmpdir(), "docs-bench-"));
  const anchorFile = join(scratch, "redocly.html");
  execFileSync(join(root, "node_modules", ".bin", "redocly"), ["build-docs", join(root, "generated", "openapi.json"), "-o", anchorFile], {
    cwd: root,
    stdio: "ignore",
  });
  const anchor = await serveFile(anchorFile);
  const mock = await startMock();
  try {
    const pages = {
      contract: `${mock.url}/docs/`,
      admin: `${mock.url}/docs/mock-admin.html`,
      redocly: `http://127.0.0.1:${(anchor.address() as AddressInfo).port}/`,
    };
    const results: Record<Preset, Record<keyof typeof pages, Report[]>> = {
      desktop: { contract: [], admin: [], redocly: [] },
      mobile: { contract: [], admin: [], redocly: [] },
    };
    for (const preset of ["desktop", "mobile"] as const) {
      console.log(`docs: ${RUNS} Lighthouse runs per page, ${preset}`);
      const variants = Object.fromEntries(Object.entries(pages).map(([name, url]) => [name, () => lighthouse(url, preset)])) as Record<
        keyof typeof pages,
        () => Promise<Report>
      >;
      results[preset] = await interleave(variants, RUNS);
    }
    const rows = (["desktop", "mobile"] as const).flatMap((preset) => [
      row("the contract (`/docs/`)", preset, results[preset].contract, true),
      row("the admin API (`/docs/mock-admin.html`)", preset, results[preset].admin, true),
      row("Redocly `build-docs`, same contract", preset, results[preset].redocly, false),
    ]);
    const loaded = medianRun(results.mobile.contract).report.requests.map(
      (request) => `\`${new URL(request.url).pathname}\` (${request.type}, ${(request.bytes / 1024).toFixed(1)} KiB)`,
    );
    return [
      {
        title: "Docs: Lighthouse scores of the pages",
        body: `Run on ${new Date().toISOString().slice(0, 10)}. ${LIGHTHOUSE} (run by \`npm exec\`) in Debian's Chromium, headless, on the pages the built mock serves on 127.0.0.1 (\`conference-participants mock\`, gzip), and on the page \`redocly build-docs\` writes for the same contract (\`generated/openapi.json\`), served gzipped from 127.0.0.1; every \`https:\` request is blocked, as offline, which leaves Redocly's page its pre-rendered markup without the Redoc it loads from a CDN. Mobile is Lighthouse's default (simulated slow 4G, 4× CPU slowdown); desktop its \`--preset=desktop\`. ${RUNS} runs per page and preset, in turns; shown: the run with the median performance score (the range of the runs in brackets). Scores move a few hundredths between runs, more on a busy machine. Targets for the package's pages: performance ≥ ${TARGETS.performance.desktop} desktop and ≥ ${TARGETS.performance.mobile} mobile, accessibility ${TARGETS.accessibility}, best practices ${TARGETS["best-practices"]}, SEO ≥ ${TARGETS.seo}.

| page | preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transferred | targets |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join("\n")}

What the contract's page loads (mobile run): ${loaded.join(", ")}.`,
      },
    ];
  } finally {
    mock.child.kill("SIGTERM");
    await new Promise((resolve) => anchor.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  }
}
