/** Credentials the mock is given never show: not in its objects as inspected or serialised, not in its errors. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Credentials } from "../src/mock/core/auth.js";
import { startTestMock } from "./helpers/mock-server.js";
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
    const mock = await startTestMock({ ...SECRETS });
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

describe("an Authorization header is read as its scheme, one space, and the token, trimmed", () => {
  const credentials = new Credentials(SECRETS);
  const key = SECRETS.telnyxApiKey;
  it.each([
    ["Bearer and the key", `Bearer ${key}`, true],
    ["the scheme in another letter case", `bEARER ${key}`, true],
    ["spaces around the key", `Bearer   ${key}  `, true],
    ["a tab after the key", `Bearer ${key}\t`, true],
    ["a no-break space before the key (trimmed as whitespace)", `Bearer \u00a0${key}`, true],
    ["no header", undefined, false],
    ["the key alone", key, false],
    ["another scheme", `Basic ${key}`, false],
    ["the scheme with no space", `Bearer${key}`, false],
    ["a tab instead of the space", `Bearer\t${key}`, false],
    ["the scheme alone", "Bearer ", false],
    ["the key less its last character", `Bearer ${key.slice(0, -1)}`, false],
    ["the key and one character more", `Bearer ${key}x`, false],
    ["the key with one character changed", `Bearer ${key.slice(0, -1)}X`, false],
    ["the key twice", `Bearer ${key} ${key}`, false],
  ])("%s", (_, header, accepted) => {
    expect(credentials.accepts("telnyx", header)).toBe(accepted);
  });
});
