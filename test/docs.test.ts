/**
 * The HTML reference in a real browser: Debian's Chromium, driven by playwright-core, opens the page that
 * `scripts/docs.ts` builds, served under `/docs/` from 127.0.0.1 as the mock server serves it, with every
 * request to another host blocked and counted. Screenshots go to artifacts/docs/ (git-ignored) for a person to look at.
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
/**
 * Only this origin: the page must work under it. Redoc injects its styles, draws its link icons as data:
 * images and runs its search in a blob worker; nothing else is allowed.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src blob:";
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
      response.writeHead(file.status, {
        "content-type": file.contentType,
        "content-security-policy": CONTENT_SECURITY_POLICY,
      });
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
const external: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does`);
  }
  const docsDir = join(built, "dist", "docs");
  execFileSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/docs.ts", docsDir], { cwd: root, stdio: "pipe" });
  server = await serveDocs(built);
  docsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      external.push(url.href);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  await page.goto(docsUrl, { waitUntil: "load" });
  await page.locator("h2").first().waitFor();
  await page.waitForLoadState("networkidle");
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, "overview.png") });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(built, { recursive: true, force: true });
});

function section(operationId: string): Locator {
  return page.locator(`[id$="operation/${operationId}"]`).first();
}

/**
 * A media type's examples as the samples panel shows them: a chooser naming each one when there are
 * several, and the chosen (first) example's values printed.
 */
async function expectExamples(op: Locator, where: string, examples: Record<string, Example>): Promise<void> {
  const all = Object.values(examples);
  const text = (await op.textContent()) ?? "";
  if (all.length > 1) {
    for (const example of all) expect(text, `${where} example "${example.summary}"`).toContain(example.summary);
  }
  for (const value of leafValues(all[0]!.value)) expect(text, `${where} example value ${value}`).toContain(value);
}

describe("the API docs in headless Chromium", () => {
  it("draw the attribution logo from the docs folder itself", async () => {
    const logo = page.locator('img[alt="redocly logo"]');
    const { src, width } = await logo.evaluate((image: HTMLImageElement) => ({
      src: image.src,
      width: image.naturalWidth,
    }));
    expect(src.startsWith(docsUrl)).toBe(true);
    expect(width).toBeGreaterThan(0);
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

  it("render the table of decisions on the published contradictions, every row", async () => {
    const rows = contract.info.description.split("\n").filter((line) => /^\| \d+ \|/.test(line)).length;
    expect(rows).toBeGreaterThan(0);
    const table = page.locator("table").filter({ hasText: "What this contract does" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(rows);
  });

  describe.each(operationIds)("%s", (operationId) => {
    const operation = operationNamed(operationId);
    const requestFields = Object.keys(operations[operationId].requestFields);

    it("shows its title, and every request field, none of them marked required", async () => {
      await expect.poll(() => section(operationId).locator("h2").first().innerText()).toBe(operation.summary);
      expect(requestFields.length).toBeGreaterThan(0);
      for (const field of requestFields) {
        const cells = section(operationId).locator(`td[kind="field"][title="${field}"]`);
        expect(await cells.count(), field).toBeGreaterThan(0);
        for (const text of await cells.allInnerTexts()) expect(text, field).not.toContain("required");
      }
    });

    it("shows the coaching rule as prose, not as alternative cases", async () => {
      const text = await section(operationId).innerText();
      expect(text).not.toMatch(/case 1/i);
      expect(text).toMatch(/`?Coaching`?\s+is\s+`?true`?/);
    });

    it("offers every named example of every request content type and response, and prints the chosen one", async () => {
      const op = section(operationId);
      const contentTypes = Object.keys(operation.requestBody.content);
      for (const contentType of contentTypes) {
        if (contentTypes.length > 1) {
          const chooser = contentTypes.reduce(
            (select, type) => select.filter({ has: page.locator("option", { hasText: type }) }),
            op.locator("select"),
          );
          await chooser.first().selectOption(contentType);
        }
        await expectExamples(op, `${contentType} request`, operation.requestBody.content[contentType]!.examples);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        await op.getByRole("tab", { name: status, exact: true }).click();
        for (const content of Object.values(response.content)) await expectExamples(op, status, content.examples);
      }
    });

    it("lists every response status and prints the values of the first 200 example", async () => {
      const op = section(operationId);
      await op.getByRole("tab", { name: "200", exact: true }).click();
      const visible = await op.innerText();
      for (const status of Object.keys(operation.responses)) expect(visible).toContain(`${status} `);
      const firstResponse = Object.values(operation.responses["200"]!.content)[0]!;
      const values = leafValues(Object.values(firstResponse.examples)[0]!.value);
      expect(values.length).toBeGreaterThan(5);
      for (const value of values) expect(visible, `example value ${value}`).toContain(value);
    });

    it("shows curl and the TypeScript client as code samples", async () => {
      const tabs = section(operationId).getByRole("tab");
      await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining(["curl", "TypeScript client"]));
      await tabs.filter({ hasText: "curl" }).click();
      await expect.poll(() => section(operationId).innerText()).toMatch(/curl -sS -X POST/);
    });

    it("scrolls into view when its menu entry is clicked", async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const heading = section(operationId).locator("h2").first();
      /** Where the operation's title is: within the first 150 px of the window means scrolled to it. */
      const headingAtTop = () =>
        heading.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.top < 150;
        });
      expect(await headingAtTop()).toBe(false);
      const menu = page.locator(".menu-content");
      await menu.getByText(operation.tags[0]!, { exact: true }).first().click();
      await menu.getByText(operation.summary, { exact: true }).first().click();
      await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`operation/${operationId}$`));
      await expect.poll(headingAtTop).toBe(true);
      await page.screenshot({ path: join(screenshots, `${operationId}.png`) });
    });
  });

  it("render the mock's admin API on its own page, every operation", async () => {
    const admin = JSON.parse(readFileSync(join(root, "generated", "mock-admin.json"), "utf8")) as {
      info: { title: string };
      paths: Record<string, Record<string, { summary: string }>>;
    };
    await page.goto(`${docsUrl}mock-admin.html`, { waitUntil: "load" });
    await page.locator("h2").first().waitFor();
    expect(await page.title()).toBe(admin.info.title);
    const text = (await page.locator("#redoc").textContent()) ?? "";
    for (const operation of Object.values(admin.paths).flatMap((item) => Object.values(item))) {
      expect(text, operation.summary).toContain(operation.summary);
    }
    await page.screenshot({ path: join(screenshots, "mock-admin.png") });
  });

  it("loaded nothing from any other host and logged no error, through every step above", () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
