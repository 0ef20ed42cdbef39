/** Credentials the mock is given never show: not in its objects as inspected or serialised, not in its errors. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Credentials } from "../src/mock/auth.js";
import { startMockServer } from "../src/mock/index.js";
import { basic, send } from "./helpers/http.js";
import { ACCOUNT, swPath, SW_CALLS } from "./fixtures/ids.js";

const SECRETS = { apiToken: "s3cret-token-value", telnyxApiKey: "s3cret-key-value" };

describe("credentials", () => {
  it("are not in the credentials object, inspected or as JSON", () => {
    const credentials = new Credentials(SECRETS);
    for (const text of [
      inspect(credentials, { showHidden: true, depth: 10 }),
      JSON.stringify(credentials),
      String(credentials),
      inspect(Object.entries(credentials)),
    ]) {
      expect(text).not.toContain("s3cret");
    }
    expect(credentials.accepts("signalwire", basic(ACCOUNT, SECRETS.apiToken))).toBe(true);
    expect(credentials.accepts("telnyx", `Bearer ${SECRETS.telnyxApiKey}`)).toBe(true);
  });

  it("are not in the server handle nor in any answer to a wrong one", async () => {
    const mock = await startMockServer({ port: 0, log: false, ...SECRETS });
    try {
      expect(inspect(mock, { showHidden: true, depth: 10 })).not.toContain("s3cret");
      const response = await send(mock.url, {
        path: swPath(SW_CALLS[0]),
        headers: { authorization: basic(ACCOUNT, "s3cret-token-valuX") },
      });
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.headers) + response.text).not.toContain("s3cret");
    } finally {
      await mock.close();
    }
  });
});
