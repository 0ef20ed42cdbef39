/**
 * Lighthouse 12.8.2 on a page, in Debian's Chromium, fetched by `npm exec` when the benchmark runs (npm keeps
 * it in its cache after the first run): as a devDependency it would be installed on every CI run, which
 * never runs it (its size: scripts/bench/analysis.md). 13.x wants a newer Node than 20.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const LIGHTHOUSE = "lighthouse@12.8.2";
const CHROMIUM = "/usr/bin/chromium";
/** As root Chromium needs --no-sandbox; the rest keep it from calling home through the closed network. */
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

export type Preset = "desktop" | "mobile";

export interface Report {
  scores: { performance: number; accessibility: number; "best-practices": number; seo: number };
  /** Milliseconds (CLS: unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
  /** Bytes transferred, and each request's URL with its size. */
  bytes: number;
  requests: { url: string; bytes: number; type: string }[];
}

interface LighthouseJson {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue?: number; details?: { items?: { url: string; transferSize: number; resourceType: string }[] } }>;
}

/**
 * One Lighthouse run. `preset` mobile is Lighthouse's default (a mid-range phone, simulated slow 4G and a
 * 4× slower CPU); desktop its `--preset=desktop`. Requests to any `https:` URL are blocked, as offline.
 */
export async function lighthouse(url: string, preset: Preset): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const output = join(dir, "report.json");
  try {
    await run(
      "npm",
      [
        "exec",
        "--yes",
        `--package=${LIGHTHOUSE}`,
        "--",
        "lighthouse",
        url,
        ...(preset === "desktop" ? ["--preset=desktop"] : []),
        "--quiet",
        "--output=json",
        `--output-path=${output}`,
        "--blocked-url-patterns=https://*",
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(output, "utf8")) as LighthouseJson;
    const value = (audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
    const score = (category: string) => report.categories[category]?.score ?? Number.NaN;
    return {
      scores: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
      },
      metrics: {
        fcp: value("first-contentful-paint"),
        lcp: value("largest-contentful-paint"),
        tbt: value("total-blocking-time"),
        cls: value("cumulative-layout-shift"),
      },
      bytes: value("total-byte-weight"),
      requests: (report.audits["network-requests"]?.details?.items ?? []).map((item) => ({
        url: item.url,
        bytes: item.transferSize,
        type: item.resourceType,
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
