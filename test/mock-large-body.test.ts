/**
 * A body far over the mock's limit: the 413 reaches Node's clients (fetch and node:http) while they are still
 * sending, not an EPIPE. It sends 100 MB over loopback, which is why `npm test` runs it and `npm run test:unit`
 * does not; the mock's other limits are in mock-bounds.test.ts and mock-hostile.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT, SW_CALLS, SW_TOKEN, swPath } from "./fixtures/ids.js";
import { basic, send } from "./helpers/http.js";
import { startTestMock } from "./helpers/mock-server.js";

const SW_AUTH = basic(ACCOUNT, SW_TOKEN);
const FORM = "application/x-www-form-urlencoded";

describe("a body over the limit", () => {
  it("a 50 MB body gets its 413 read by Node's fetch and node:http, not EPIPE", async () => {
    const own = await startTestMock();
    try {
      const big = Buffer.alloc(50 * 1024 * 1024, "a");
      const headers = { authorization: SW_AUTH, "content-type": FORM };
      const viaFetch = await fetch(`${own.url}${swPath(SW_CALLS[0])}`, { method: "POST", headers, body: big });
      expect(viaFetch.status).toBe(413);
      await viaFetch.arrayBuffer();
      const viaHttp = await send(own.url, { path: swPath(SW_CALLS[0]), headers, body: big });
      expect(viaHttp.status).toBe(413);
    } finally {
      await own.close();
    }
  });
});
