/**
 * The mock as a workbench, over real HTTP on 127.0.0.1: the admin API (`/__admin/`, from
 * openapi/mock-admin.yaml) and the same controls in-process: the journal, faults, conference end and
 * participant leave, reset. Every admin answer is checked against the admin document.
 */
import { Agent } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { validators as adminValidators } from "../generated/mock-admin-validators.js";
import { adminRoutes } from "../generated/mock-admin-routes.js";
import { validateErrorBody } from "../src/contract/validate.js";
import { JOURNAL_LIMIT } from "../src/mock/index.js";
import { useMockServer } from "./helpers/mock-server.js";
import { ACCOUNT, CONFERENCE, SW_CALLS, SW_TOKEN, TX_CALLS, TX_KEY, swPath, txPath } from "./fixtures/ids.js";
import { basic, bearer, expectValidResponse, form, type RawResponse, send } from "./helpers/http.js";

const FORM = "application/x-www-form-urlencoded";
const SW_AUTH = basic(ACCOUNT, SW_TOKEN);
const TX_AUTH = bearer(TX_KEY);

const mock = useMockServer();
beforeEach(() => mock.reset());

const muteSignalWire = (call: string = SW_CALLS[0], body: Record<string, string> = { Muted: "true" }) =>
  send(mock.url, { path: swPath(call), headers: { authorization: SW_AUTH, "content-type": FORM }, body: form(body) });
const muteTelnyx = (call: string = TX_CALLS[0], body: Record<string, string> = { Muted: "true" }) =>
  send(mock.url, { path: txPath(call), headers: { authorization: TX_AUTH, "content-type": FORM }, body: form(body) });

/** An admin request; its answer is checked against the document's schema for the operation and status. */
async function admin(method: string, path: string, body?: unknown): Promise<RawResponse> {
  const response = await send(mock.url, {
    method,
    path,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const route = adminRoutes.find(
    (r) => r.method === method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path.split("?")[0]!),
  );
  if (route !== undefined && response.status === route.successStatus && response.status !== 204) {
    const schema = {
      listRequests: "Journal",
      listFaults: "FaultList",
      addFault: "Fault",
      endConference: "Ended",
      leaveConference: "Ended",
    }[route.operationId as string] as keyof typeof adminValidators;
    expect(adminValidators[schema](response.json), response.text).toBe(true);
  } else if (response.status >= 400) {
    expect(adminValidators.AdminError(response.json), response.text).toBe(true);
  }
  return response;
}

describe("the journal", () => {
  it("records every request on the API routes, oldest first, with the verdict and the status", async () => {
    await muteSignalWire();
    await muteTelnyx(TX_CALLS[0], { HoldMethod: "PUT" });
    await send(mock.url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, "wrong") } });
    await send(mock.url, { method: "POST", path: "/nowhere" });
    const { json } = await admin("GET", "/__admin/requests");
    const requests = (json as { requests: Record<string, unknown>[] }).requests;
    expect(requests.map((r) => [r.method, r.path, r.provider, r.operation, r.verdict, r.status])).toEqual([
      ["POST", swPath(SW_CALLS[0]), "signalwire", "updateSignalWireParticipant", "valid", 200],
      ["POST", txPath(TX_CALLS[0]), "telnyx", "updateTelnyxParticipant", "invalid", 422],
      ["POST", swPath(SW_CALLS[0]), "signalwire", "updateSignalWireParticipant", "unchecked", 401],
      ["POST", "/nowhere", null, null, "unchecked", 404],
    ]);
    expect(requests[0]).toMatchObject({ body: "Muted=true", violations: [], fault: null });
    expect(requests[0]!.headers).toMatchObject({ authorization: "[redacted]", "content-type": FORM });
    expect(requests[1]!.violations).toEqual([
      { code: "invalid_enum", path: "HoldMethod", message: "must be one of GET, POST", expected: "one of GET, POST", received: '"PUT"' },
    ]);
    expect(Date.parse(requests[0]!.time as string)).not.toBeNaN();
  });

  it("never shows a credential", async () => {
    await muteSignalWire();
    await muteTelnyx();
    const { text } = await admin("GET", "/__admin/requests");
    for (const secret of [SW_TOKEN, TX_KEY, SW_AUTH.slice("Basic ".length)]) expect(text).not.toContain(secret);
  });

  it("is cleared by DELETE, and the same journal shows in-process", async () => {
    await muteSignalWire();
    expect(mock.requests()).toHaveLength(1);
    expect((await admin("DELETE", "/__admin/requests")).status).toBe(204);
    expect(mock.requests()).toEqual([]);
    await muteTelnyx();
    mock.clearRequests();
    expect(((await admin("GET", "/__admin/requests")).json as { requests: unknown[] }).requests).toEqual([]);
  });

  it(`keeps the latest ${JOURNAL_LIMIT} requests`, async () => {
    const via = new Agent({ keepAlive: true, maxSockets: 8 });
    for (let i = 0; i < JOURNAL_LIMIT + 5; i += 1) {
      await send(mock.url, { path: `/count/${i}` }, via);
    }
    via.destroy();
    const requests = mock.requests();
    expect(requests).toHaveLength(JOURNAL_LIMIT);
    expect(requests[0]!.path).toBe("/count/5");
    expect(requests.at(-1)!.path).toBe(`/count/${JOURNAL_LIMIT + 4}`);
  });
});

describe("faults", () => {
  it("answers the next matching update with a 429 in the provider's own format, with Retry-After, then recovers", async () => {
    const added = await admin("POST", "/__admin/faults", { provider: "signalwire", status: 429, times: 1 });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ provider: "signalwire", status: 429, times: 1 });
    const refused = await muteSignalWire();
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("1");
    expectValidResponse(refused, "signalwire");
    expect(mock.requests()[0]).toMatchObject({ status: 429, fault: (added.json as { id: string }).id, verdict: "unchecked" });
    expect((await muteSignalWire()).status).toBe(200);
  });

  it("plays 500 and 503 for Telnyx only on the matching participant, `times` times", async () => {
    mock.addFault({ provider: "telnyx", callSid: TX_CALLS[1], status: 503, times: 2 });
    expect((await muteTelnyx(TX_CALLS[0])).status).toBe(200);
    expect((await muteSignalWire()).status).toBe(200);
    const first = await muteTelnyx(TX_CALLS[1]);
    expect(first.status).toBe(503);
    expect(validateErrorBody("telnyx", first.json)).toMatchObject({ ok: true });
    expect(mock.faults()).toMatchObject([{ times: 1 }]);
    expect((await muteTelnyx(TX_CALLS[1])).status).toBe(503);
    expect((await muteTelnyx(TX_CALLS[1])).status).toBe(200);
    mock.addFault({ status: 500, retryAfter: 5 });
    const failed = await muteTelnyx();
    expect(failed.status).toBe(500);
    expect(failed.headers["retry-after"]).toBeUndefined();
    expect(validateErrorBody("telnyx", failed.json)).toMatchObject({ ok: true });
  });

  it("delays an answer, which is still the normal one", async () => {
    mock.addFault({ delayMs: 150 });
    const started = Date.now();
    const response = await muteSignalWire();
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("resets the connection, or closes it mid-response; the update is not applied", async () => {
    mock.addFault({ drop: "reset" });
    await expect(muteSignalWire()).rejects.toThrow(/ECONNRESET|socket hang up/);
    mock.addFault({ drop: "midResponse" });
    await expect(muteSignalWire()).rejects.toThrow(/aborted|ECONNRESET|socket hang up/);
    expect(mock.requests().map((r) => r.status)).toEqual([0, 200]);
    const after = await send(mock.url, { path: swPath(SW_CALLS[0]), headers: { authorization: SW_AUTH } });
    expect((after.json as { muted: boolean }).muted).toBe(false);
  });

  it("lists pending faults, oldest first, and clears them", async () => {
    await admin("POST", "/__admin/faults", { status: 503 });
    await admin("POST", "/__admin/faults", { provider: "telnyx", conferenceSid: CONFERENCE, delayMs: 10, times: 3 });
    const listed = await admin("GET", "/__admin/faults");
    expect((listed.json as { faults: unknown[] }).faults).toMatchObject([
      { status: 503, times: 1 },
      { provider: "telnyx", delayMs: 10, times: 3 },
    ]);
    expect((await admin("DELETE", "/__admin/faults")).status).toBe(204);
    expect(mock.faults()).toEqual([]);
  });

  it.each([
    ["no effect", { provider: "signalwire" }, "required"],
    ["an undeclared status", { status: 418 }, "invalid_enum"],
    ["status and drop together", { status: 429, drop: "reset" }, "invalid_value"],
    ["an unknown field", { status: 429, time: 2 }, "unknown_field"],
    ["zero times", { status: 429, times: 0 }, "invalid_value"],
  ])("refuses %s with a 400 naming the problem", async (_name, body, code) => {
    const response = await admin("POST", "/__admin/faults", body);
    expect(response.status).toBe(400);
    expect((response.json as { violations: { code: string }[] }).violations.map((v) => v.code)).toContain(code);
    expect(mock.faults()).toEqual([]);
    expect(() => mock.addFault(body as never)).toThrow(TypeError);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await send(mock.url, {
      method: "POST",
      path: "/__admin/faults",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ violations: [{ code: "invalid_json" }] });
  });
});

describe("lifecycle", () => {
  it("ends a conference: its participants are completed and later updates are refused as the provider refuses them", async () => {
    const ended = await admin("POST", `/__admin/conferences/${CONFERENCE}/end?provider=signalwire`);
    expect(ended.json).toEqual({ participants: 2 });
    const refused = await muteSignalWire();
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expectValidResponse(refused, "signalwire");
    expect((await muteTelnyx()).status).toBe(200);
    const read = await send(mock.url, { path: swPath(SW_CALLS[1]), headers: { authorization: SW_AUTH, "content-type": FORM } });
    expect(read.status).toBe(refused.status);
  });

  it("makes one participant leave; the others stay", async () => {
    expect(mock.leaveConference(CONFERENCE, TX_CALLS[0], "telnyx")).toBe(1);
    const refused = await muteTelnyx(TX_CALLS[0]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expectValidResponse(refused, "telnyx");
    expect((await muteTelnyx(TX_CALLS[1])).status).toBe(200);
  });

  it("answers 404 for a conference or participant it does not have, 400 for an unknown provider", async () => {
    expect((await admin("POST", "/__admin/conferences/nope/end")).status).toBe(404);
    expect((await admin("POST", `/__admin/conferences/${CONFERENCE}/participants/nope/leave`)).status).toBe(404);
    const wrong = await admin("POST", `/__admin/conferences/${CONFERENCE}/end?provider=plivo`);
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ violations: [{ code: "invalid_enum", path: "provider" }] });
  });

  it("resets: participants back to the fixtures, conferences running, journal and faults cleared", async () => {
    await muteSignalWire();
    mock.endConference(CONFERENCE);
    mock.addFault({ status: 503 });
    expect((await admin("POST", "/__admin/reset")).status).toBe(204);
    expect(mock.requests()).toEqual([]);
    expect(mock.faults()).toEqual([]);
    const read = await send(mock.url, { path: swPath(SW_CALLS[0]), headers: { authorization: SW_AUTH } });
    expect(read.json).toMatchObject({ muted: false, status: "in-progress" });
  });
});

describe("admin routing", () => {
  it("answers an unknown admin path 404 and a wrong method 405 with Allow", async () => {
    expect((await admin("GET", "/__admin/nothing")).status).toBe(404);
    const wrong = await admin("PUT", "/__admin/requests");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, DELETE");
  });

  it("keeps admin requests out of the journal", async () => {
    await admin("GET", "/__admin/faults");
    expect(mock.requests()).toEqual([]);
  });
});
