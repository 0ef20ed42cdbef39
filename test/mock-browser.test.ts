/**
 * No web page can change the mock: in headless Chromium (/usr/bin/chromium), a page served from another port of
 * 127.0.0.1 (another origin, as any site open in the user's browser is) tries every admin call it can make
 * without a preflight (no-cors fetches, a text/plain form), and one that needs a preflight; the mock's state is
 * as it was.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, send } from "./helpers/http.js";
import { useMockServer } from "./helpers/mock-server.js";
import { ACCOUNT, CONFERENCE, SW_CALLS, SW_TOKEN, swPath } from "./fixtures/ids.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const mock = useMockServer();
let attacker: Server;
let browser: Browser;

/** The attacking page: every admin call a page of another origin can send, then a mark that it is done. */
function attackPage(target: string): string {
  const calls = [
    ["POST", "/__admin/faults", "text/plain", '{"status":503,"times":1000000}'],
    ["POST", `/__admin/conferences/${CONFERENCE}/end`, null, null],
    ["POST", "/__admin/reset", null, null],
    ["POST", "/__admin/faults", "application/x-www-form-urlencoded", "status=503"],
    ["DELETE", "/__admin/requests", null, null],
    ["POST", "/__admin/faults", "application/json", '{"status":503}'],
  ];
  return `<!DOCTYPE html><html><body>
<form id="form" method="POST" enctype="text/plain" action="${target}/__admin/faults" target="sink"><input name='{"status":503,"times":9,"x":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
(async () => {
  for (const [method, path, type, body] of ${JSON.stringify(calls)}) {
    const init = { method, mode: type === "application/json" || method === "DELETE" ? "cors" : "no-cors" };
    if (type) { init.headers = { "content-type": type }; init.body = body; }
    await fetch(${JSON.stringify(target)} + path, init).catch(() => undefined);
  }
  document.getElementById("form").submit();
  await new Promise((done) => setTimeout(done, 500));
  document.title = "done";
})();
</script></body></html>`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does`);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage(mock.url));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe("a page of another origin, open in the user's browser", () => {
  it("changes nothing through the admin API: no fault added, no conference ended, the journal kept", async () => {
    await mock.reset();
    const update = () =>
      send(mock.url, {
        path: swPath(SW_CALLS[0]),
        headers: { authorization: basic(ACCOUNT, SW_TOKEN), "content-type": "application/x-www-form-urlencoded" },
        body: "Muted=true",
      });
    expect((await update()).status).toBe(200);
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      await page.waitForFunction(() => document.title === "done", undefined, { timeout: 15_000 });
    } finally {
      await page.close();
    }
    expect(mock.faults()).toEqual([]);
    expect(mock.requests()).toHaveLength(1);
    expect((await update()).status).toBe(200);
  });
});
