/**
 * The HTML reference in a real browser: Debian's Chromium, driven by playwright-core, opens the pages that
 * `scripts/docs.ts` builds, served under `/docs/` from 127.0.0.1 as the mock server serves it, with every
 * request to another host blocked and counted: once with JavaScript, once without (the text must all be
 * there before any script runs). Screenshots go to artifacts/docs/ (git-ignored) for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../generated/operations.js";
import { StaticFiles } from "../src/mock/node/static-files.js";

const root = join(import.meta.dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
/** As root Chromium needs --no-sandbox; the rest keep it from calling home through the closed network. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const screenshots = join(root, "artifacts", "docs");

interface Example {
  summary?: string;
  value: unknown;
}
interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  requestBody: { content: Record<string, { examples: Record<string, Example> }> };
  responses: Record<string, { content: Record<string, { examples: Record<string, Example> }> }>;
}
const contract = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")) as {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
};
const documented = Object.values(contract.paths).flatMap((item) => Object.values(item));
const operationIds = Object.keys(operations) as (keyof typeof operations)[];

function operationNamed(operationId: string): Operation {
  const found = documented.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in generated/openapi.json`);
  return found;
}

/** Every string and number inside an example value, as the sample panel prints it (strings JSON-escaped). */
function leafValues(value: unknown): string[] {
  if (value === null || typeof value === "boolean") return [];
  if (typeof value === "string") return [JSON.stringify(value).slice(1, -1)];
  if (typeof value === "number") return [String(value)];
  return Object.values(value as object).flatMap(leafValues);
}

/**
 * Serves the docs built under `packageDir` (its dist/docs/) at /docs/ on 127.0.0.1 with the mock server's
 * own file serving, under a strict Content-Security-Policy.
 */
function serveDocs(packageDir: string): Promise<Server> {
  const files = new StaticFiles(packageDir);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    void files.get(path).then((file) => {
      if (!file) {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      // The mock's own headers: the page must work under the Content-Security-Policy it sends with the HTML.
      response.writeHead(file.status, { "content-type": file.contentType, ...file.headers });
      response.end(file.body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const built = mkdtempSync(join(tmpdir(), "docs-"));
let server: Server;
let browser: Browser;
let page: Page;
let docsUrl: string;
/** The layout shifts of the first load, before any input (what CLS counts). */
let loadShift: number;
const external: string[] = [];
const consoleErrors: string[] = [];

/** A page that blocks and counts every request to another host and records console errors. */
async function watchedPage(options: { javaScriptEnabled: boolean }): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1400, height: 1000 }, ...options });
  opened.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  opened.on("pageerror", (error) => consoleErrors.push(error.message));
  await opened.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      external.push(url.href);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  return opened;
}

/** The sum of the page's layout shifts that no input caused, as the browser reports them (buffered). */
function layoutShift(target: Page): Promise<number> {
  return target.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Buffered entries are delivered before the next frames are drawn.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does`);
  }
  const docsDir = join(built, "dist", "docs");
  execFileSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/docs.ts", docsDir], { cwd: root, stdio: "pipe" });
  server = await serveDocs(built);
  docsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await watchedPage({ javaScriptEnabled: true });
  await page.goto(docsUrl, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  loadShift = await layoutShift(page);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, "overview.png") });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(built, { recursive: true, force: true });
});

function section(operationId: string): Locator {
  return page.locator(`section[id="operation/${operationId}"]`);
}

/** The tab panel a tab list shows now (the selected tab's). */
async function shownPanel(within: Locator, tabName: string): Promise<Locator> {
  const tab = within.getByRole("tab", { name: tabName, exact: true });
  await tab.click();
  expect(await tab.getAttribute("aria-selected")).toBe("true");
  return page.locator(`[id="${await tab.getAttribute("aria-controls")}"]`);
}

/**
 * A media type's examples as the samples panel shows them: a chooser naming each one when there are
 * several, the first example's values printed; choosing the last prints its values instead.
 */
async function expectExamples(panel: Locator, where: string, examples: Record<string, Example>): Promise<void> {
  const all = Object.values(examples);
  const printed = async (example: Example) => {
    const visible = await panel.innerText();
    for (const value of leafValues(example.value)) expect(visible, `${where} example "${example.summary}" value ${value}`).toContain(value);
  };
  await printed(all[0]!);
  if (all.length === 1) return;
  const chooser = panel.getByRole("combobox", { name: "Example" });
  expect(await chooser.locator("option").allInnerTexts(), where).toEqual(all.map((example) => example.summary));
  await chooser.selectOption({ label: all.at(-1)!.summary! });
  await printed(all.at(-1)!);
  await chooser.selectOption({ index: 0 });
}

/** Whether the element's top is within the first 150 px of the window: scrolled to. */
function atTop(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.top < 150;
  });
}

describe("the API docs in headless Chromium", () => {
  it("draw their icon and run their script from the docs folder itself", async () => {
    const sources = await page
      .locator('link[rel="icon"], script[src]')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLLinkElement).href || (element as HTMLScriptElement).src));
    expect(sources).toHaveLength(2);
    for (const source of sources) {
      expect(source.startsWith(docsUrl), source).toBe(true);
      expect((await fetch(source)).status, source).toBe(200);
    }
  });

  it("link the contract, each per-provider document and the mock's admin API, served beside the page", async () => {
    const links = await page.locator("nav#documents a").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((href) => href.slice(docsUrl.length))).toEqual([
      "index.html",
      "openapi.json",
      "signalwire.openapi.json",
      "telnyx.openapi.json",
      "twilio.openapi.json",
      "mock-admin.html",
      "mock-admin.json",
    ]);
    for (const href of links) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      const name = href.slice(docsUrl.length);
      if (name.endsWith(".json")) expect(await response.text(), href).toBe(readFileSync(join(root, "generated", name), "utf8"));
    }
  });

  it("show the package's version, the one every document carries", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(await page.locator("#introduction").innerText()).toContain(`Version ${version}`);
  });

  it("render the table of decisions on the published contradictions, every row, after the operations", async () => {
    const rows = contract.info.description.split("\n").filter((line) => /^\| \d+ \|/.test(line)).length;
    expect(rows).toBeGreaterThan(0);
    const table = page.locator("table").filter({ hasText: "What this contract does" });
    expect(await table.locator("tbody tr").count()).toBe(rows);
    const top = (target: Locator) => target.evaluate((element) => element.getBoundingClientRect().top);
    const tableTop = await top(table);
    for (const operationId of operationIds) expect(await top(section(operationId)), operationId).toBeLessThan(tableTop);
  });

  it("draw without a layout shift (CLS 0) while the page loads and its script runs", () => {
    expect(loadShift).toBe(0);
  });

  describe.each(operationIds)("%s", (operationId) => {
    const operation = operationNamed(operationId);
    const requestFields = Object.keys(operations[operationId].requestFields);

    it("shows its title, and every request field, none of them marked required", async () => {
      expect(await section(operationId).getByRole("heading", { level: 3 }).first().innerText()).toBe(operation.summary);
      expect(requestFields.length).toBeGreaterThan(0);
      for (const field of requestFields) {
        const rows = section(operationId).locator(`tr[data-field="${field}"]`);
        expect(await rows.count(), field).toBeGreaterThan(0);
        for (const text of await rows.allInnerTexts()) expect(text, field).not.toContain("required");
      }
    });

    it("shows the coaching rule as prose, not as alternative cases", async () => {
      const text = await section(operationId).innerText();
      expect(text).not.toMatch(/case 1/i);
      expect(text).toMatch(/`?Coaching`?\s+is\s+`?true`?/);
    });

    it("offers every named example of every request content type and response, and prints the chosen one", async () => {
      const op = section(operationId);
      const requestTabs = op.getByRole("tablist", { name: "Request media type" });
      for (const [contentType, media] of Object.entries(operation.requestBody.content)) {
        await expectExamples(await shownPanel(requestTabs, contentType), `${contentType} request`, media.examples);
      }
      const responseTabs = op.getByRole("tablist", { name: "Response status" });
      for (const [status, response] of Object.entries(operation.responses)) {
        const panel = await shownPanel(responseTabs, status);
        for (const content of Object.values(response.content)) await expectExamples(panel, status, content.examples);
      }
      await shownPanel(responseTabs, "200");
    });

    it("lists every response status and prints the values of the first 200 example", async () => {
      const op = section(operationId);
      const statuses = await op.locator("details.response > summary .status").allInnerTexts();
      expect(statuses).toEqual(Object.keys(operation.responses));
      const panel = await shownPanel(op.getByRole("tablist", { name: "Response status" }), "200");
      const firstResponse = Object.values(operation.responses["200"]!.content)[0]!;
      const values = leafValues(Object.values(firstResponse.examples)[0]!.value);
      expect(values.length).toBeGreaterThan(5);
      const visible = await panel.innerText();
      for (const value of values) expect(visible, `example value ${value}`).toContain(value);
    });

    it("shows curl and the TypeScript client as code samples, switched by arrow keys too", async () => {
      const tabs = section(operationId).getByRole("tablist", { name: "Code samples" });
      expect(await tabs.getByRole("tab").allInnerTexts()).toEqual(expect.arrayContaining(["curl", "TypeScript client"]));
      expect(await (await shownPanel(tabs, "curl")).innerText()).toMatch(/curl -sS -X POST/);
      await page.keyboard.press("ArrowRight");
      const focused = tabs.locator('[role="tab"]:focus');
      expect(await focused.getAttribute("aria-selected")).toBe("true");
      expect(await page.locator(`[id="${await focused.getAttribute("aria-controls")}"]`).isVisible()).toBe(true);
      await shownPanel(tabs, "curl");
    });

    it("scrolls into view when its menu entry is clicked", async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const heading = section(operationId).getByRole("heading", { level: 3 }).first();
      expect(await atTop(heading)).toBe(false);
      const menu = page.getByRole("navigation", { name: "Contents" });
      await menu.getByRole("link", { name: operation.tags[0]!, exact: true }).click();
      await menu.getByRole("link", { name: operation.summary }).click();
      await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`operation/${operationId}$`));
      await expect.poll(() => atTop(heading)).toBe(true);
      await page.screenshot({ path: join(screenshots, `${operationId}.png`) });
    });

    it("is reached from the menu with the keyboard alone", async () => {
      await page.goto(docsUrl, { waitUntil: "load" });
      const link = page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: operation.summary });
      const focusedLink = () => link.evaluate((element) => element === document.activeElement);
      for (let presses = 0; presses < 40 && !(await focusedLink()); presses++) await page.keyboard.press("Tab");
      expect(await focusedLink()).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`operation/${operationId}$`));
      await expect.poll(() => atTop(section(operationId).getByRole("heading", { level: 3 }).first())).toBe(true);
    });
  });

  it("render the mock's admin API on its own page, every operation, every alternative named, no example made up", async () => {
    const admin = JSON.parse(readFileSync(join(root, "generated", "mock-admin.json"), "utf8")) as {
      info: { title: string };
      paths: Record<string, Record<string, { summary: string }>>;
    };
    await page.goto(`${docsUrl}mock-admin.html`, { waitUntil: "load" });
    expect(await page.title()).toBe(admin.info.title);
    const text = await page.locator("main").innerText();
    for (const operation of Object.values(admin.paths).flatMap((item) => Object.values(item))) {
      expect(text, operation.summary).toContain(operation.summary);
    }
    expect(text).not.toContain("Built from the schema");
    const cases = await page.locator('section[id="operation/addFault"] .rule li').allInnerTexts();
    expect(cases.length).toBeGreaterThan(1);
    expect(new Set(cases).size).toBe(cases.length);
    expect(await layoutShift(page)).toBe(0);
    await page.screenshot({ path: join(screenshots, "mock-admin.png") });
  });

  it("carry every operation, field, example and code sample in their markup, read with JavaScript disabled", async () => {
    const plain = await watchedPage({ javaScriptEnabled: false });
    try {
      await plain.goto(docsUrl, { waitUntil: "load" });
      const text = await plain.locator("main").innerText();
      for (const operationId of operationIds) {
        const operation = operationNamed(operationId);
        expect(text, operationId).toContain(operation.summary);
        for (const field of Object.keys(operations[operationId].requestFields)) expect(text, `${operationId} ${field}`).toContain(field);
        const media = [
          ...Object.values(operation.requestBody.content),
          ...Object.values(operation.responses).flatMap((response) => Object.values(response.content)),
        ];
        for (const example of media.flatMap((entry) => Object.values(entry.examples))) {
          expect(text, `${operationId} example ${example.summary}`).toContain(example.summary);
          for (const value of leafValues(example.value)) expect(text, `${operationId} "${example.summary}" ${value}`).toContain(value);
        }
        expect(text).toMatch(/curl -sS -X POST/);
      }
      // Below the fold the decisions are laid out only when scrolled to (content-visibility), so innerText skips them; the markup has them.
      const decisions = plain.locator("table").filter({ hasText: "What this contract does" });
      expect(await decisions.locator("tbody tr").count()).toBe(
        contract.info.description.split("\n").filter((line) => /^\| \d+ \|/.test(line)).length,
      );
      await plain.screenshot({ path: join(screenshots, "no-script.png") });
      await plain.goto(`${docsUrl}mock-admin.html`, { waitUntil: "load" });
      expect(await plain.locator("main").innerText()).toContain("Add a fault");
    } finally {
      await plain.close();
    }
  });

  it("loaded nothing from any other host and logged no error, through every step above", () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
