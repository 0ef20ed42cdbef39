/**
 * Only its user drives the mock, and its journal keeps no secrets: a `Host` that is not a loopback one is
 * refused (DNS rebinding), the admin API refuses requests from another origin and bodies that are not JSON,
 * the mock warns when it listens beyond loopback, and the journal redacts every credential, is read in bounded
 * pages, and carries each answer. Over real HTTP on 127.0.0.1 (the browser's side of it is mock-browser.test.ts).
 */
import { describe, expect, it } from "vitest";
import { basic, expectValidResponse, form, send } from "./helpers/http.js";
import { startTestMock, useMockServer } from "./helpers/mock-server.js";
import { exchange, rawRequest } from "./helpers/raw-socket.js";
import { ACCOUNT, CONFERENCE, SW_CALLS, SW_TOKEN, swPath, txPath, TX_CALLS } from "./fixtures/ids.js";

const SW_AUTH = basic(ACCOUNT, SW_TOKEN);
const FORM = "application/x-www-form-urlencoded";
const mock = useMockServer();

describe("a Host that is not a loopback one is refused (DNS rebinding)", () => {
  it.each([
    ["the admin API", "GET", "/__admin/requests"],
    ["an update", "POST", swPath(SW_CALLS[0])],
    ["the docs", "GET", "/docs/"],
  ])("%s under Host evil.example gets 403 and changes nothing", async (_name, method, path) => {
    await mock.reset();
    const result = await exchange(mock.url, [
      rawRequest(method, path, { host: "evil.example", authorization: SW_AUTH, "content-type": FORM }, "Muted=true"),
    ]);
    expect(result.answers.map((a) => a.status)).toEqual([403]);
    expect(JSON.parse(result.answers[0]!.body).message).toContain("--allow-host evil.example");
    expect(mock.requests()).toEqual([]);
  });

  it.each(["localhost:4010", "127.0.0.1", "127.1.2.3:80", "[::1]:4010", "api.localhost"])("answers under Host %s", async (host) => {
    const result = await exchange(mock.url, [rawRequest("GET", "/__admin/faults", { host, connection: "close" })]);
    expect(result.answers.map((a) => a.status)).toEqual([200]);
  });

  it("answers a Host the user allowed", async () => {
    const own = await startTestMock({ allowedHosts: ["mock.internal"] });
    try {
      const result = await exchange(own.url, [rawRequest("GET", "/__admin/faults", { host: "MOCK.internal:4010", connection: "close" })]);
      expect(result.answers.map((a) => a.status)).toEqual([200]);
    } finally {
      await own.close();
    }
  });

  it("warns when it listens beyond loopback", async () => {
    let printed = "";
    const own = await startTestMock({ host: "0.0.0.0", log: (text) => (printed += text) });
    await own.close();
    expect(printed).toMatch(/^Warning: listening on 0\.0\.0\.0, which other machines can reach/);
  });
});

describe("the admin API answers its user only", () => {
  const admin = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    send(mock.url, { method, path, headers, ...(body === undefined ? {} : { body }) });

  it.each([
    ["an Origin of another page", { origin: "http://evil.example" }],
    ["an Origin on another port of the same host", { origin: "http://127.0.0.1:9" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
  ])("refuses %s with 403, and nothing changes", async (_name, headers) => {
    await mock.reset();
    const before = mock.faults();
    for (const [method, path, body] of [
      ["POST", "/__admin/faults", '{"status":503,"times":1000000}'],
      ["POST", `/__admin/conferences/${CONFERENCE}/end`, undefined],
      ["POST", "/__admin/reset", undefined],
      ["DELETE", "/__admin/requests", undefined],
      ["GET", "/__admin/requests", undefined],
    ] as const) {
      const response = await admin(method, path, { ...headers, "content-type": "application/json" }, body);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(mock.faults()).toEqual(before);
    expect((await send(mock.url, { path: swPath(SW_CALLS[0]), headers: { authorization: SW_AUTH } })).status).toBe(200);
  });

  it("answers its own page's origin, and a request with none", async () => {
    const host = new URL(mock.url).host;
    expect((await admin("GET", "/__admin/faults", { origin: `http://${host}`, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await admin("POST", "/__admin/reset", {})).status).toBe(204);
  });

  it("refuses a body that is not JSON with 415 (a text/plain POST needs no preflight); a bodiless POST stays valid", async () => {
    await mock.reset();
    const plain = await admin("POST", "/__admin/faults", { "content-type": "text/plain" }, '{"status":503}');
    expect(plain.status).toBe(415);
    expect(plain.json).toMatchObject({ violations: [{ path: "content-type", expected: "application/json" }] });
    expect((await admin("POST", "/__admin/reset", { "content-type": "text/plain" }, "x")).status).toBe(415);
    expect(mock.faults()).toEqual([]);
    expect((await admin("POST", `/__admin/conferences/${CONFERENCE}/end`, {})).status).toBe(200);
    await mock.reset();
  });

  it("lists its operations at /__admin/ and /__admin", async () => {
    for (const path of ["/__admin/", "/__admin"]) {
      const response = await admin("GET", path, {});
      expect(response.status).toBe(200);
      const { operations } = response.json as { operations: { operationId: string; method: string; path: string }[] };
      expect(operations).toContainEqual(expect.objectContaining({ operationId: "addFault", method: "POST", path: "/__admin/faults" }));
    }
  });
});

describe("the journal keeps no secrets", () => {
  it("redacts every credential-bearing header, query value and user-info", async () => {
    await mock.reset();
    const headers = {
      authorization: SW_AUTH,
      "proxy-authorization": "Basic c2VjcmV0",
      cookie: "session=secret-cookie",
      "x-api-key": "secret-api-key",
      "x-auth-token": "secret-auth-token",
      "content-type": FORM,
    };
    await send(mock.url, {
      path: `${swPath(SW_CALLS[0])}?apiToken=secret-query&page=2&access_token=secret-2`,
      headers,
      body: "Muted=true",
    });
    await exchange(mock.url, [
      rawRequest("POST", `http://user:secret-userinfo@127.0.0.1${swPath(SW_CALLS[0])}`, { ...headers, connection: "close" }, "Muted=true"),
    ]);
    const journal = JSON.stringify(mock.requests());
    for (const secret of [
      "secret-cookie",
      "c2VjcmV0",
      "secret-api-key",
      "secret-auth-token",
      "secret-query",
      "secret-2",
      "secret-userinfo",
      SW_AUTH,
    ])
      expect(journal).not.toContain(secret);
    const [first, second] = mock.requests();
    expect(first!.headers).toMatchObject({
      authorization: "[redacted]",
      cookie: "[redacted]",
      "x-api-key": "[redacted]",
      "content-type": FORM,
    });
    expect(first!.path).toBe(`${swPath(SW_CALLS[0])}?apiToken=[redacted]&page=2&access_token=[redacted]`);
    expect(second!.path).toBe(`http://[redacted]@127.0.0.1${swPath(SW_CALLS[0])}`);
  });
});

describe("the journal carries each answer and is read in bounded pages", () => {
  it("keeps the answer's status, headers and body, the operation and the path relative to its server", async () => {
    await mock.reset();
    const response = await send(mock.url, {
      path: txPath(TX_CALLS[0]),
      headers: { authorization: `Bearer KEYmock-telnyx-api-key`, "content-type": FORM },
      body: form({ Hold: "true" }),
    });
    expectValidResponse(response, "telnyx");
    const [entry] = mock.requests();
    expect(entry).toMatchObject({
      operation: "updateTelnyxParticipant",
      serverPath: `/texml/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}/Participants/${TX_CALLS[0]}`,
      response: { status: 200, headers: { "content-type": "application/json" }, body: response.text, delivered: true },
    });
  });

  it("pages with limit and since, each page at most 500 entries, each body at most 8,192 characters", async () => {
    await mock.reset();
    for (let i = 0; i < 5; i++)
      await send(mock.url, {
        path: swPath(SW_CALLS[0]),
        headers: { authorization: SW_AUTH, "content-type": FORM },
        body: `Muted=true&x=${"a".repeat(20_000)}`,
      });
    const first = await send(mock.url, { method: "GET", path: "/__admin/requests?limit=2" });
    const page = first.json as { requests: { id: number; body: string; response: { body: string } }[]; next: number | null };
    expect(page.requests).toHaveLength(2);
    expect(page.requests[0]!.body.length).toBe(8193);
    expect(page.requests[0]!.body.endsWith("…")).toBe(true);
    const rest = (await send(mock.url, { method: "GET", path: `/__admin/requests?limit=500&since=${page.next}` })).json as typeof page;
    expect(rest.requests.map((entry) => entry.id)).toEqual([page.requests[1]!.id + 1, page.requests[1]!.id + 2, page.requests[1]!.id + 3]);
    expect(rest.next).toBeNull();
    for (const query of ["limit=0", "limit=501", "limit=x", "since=-1", "since=99999999999999999"]) {
      expect((await send(mock.url, { method: "GET", path: `/__admin/requests?${query}` })).status, query).toBe(400);
    }
    // `since` is any id the document's integer admits, past nine digits too: nothing comes after it yet.
    const far = await send(mock.url, { method: "GET", path: "/__admin/requests?since=1000000000" });
    expect([far.status, (far.json as typeof page).requests]).toEqual([200, []]);
  });
});
