/**
 * openapi-backend 5.23 with each per-provider document, checking real request and answer pairs from the
 * mock. It loads an OpenAPI 3.1 document only with `quick: true` (its full `init()` validates the document
 * against 3.0's schema); a form's values reach it as strings, so it needs `ajvOpts: { coerceTypes: true }`
 * to read `Muted=true` as a boolean. With both, it agrees with the mock on every request but `Muted=True`
 * (decision 11 reads form booleans in any letter case; ajv coerces only `true` and `false`), and every
 * answer, 200 or error, passes its response check.
 */
import OpenAPIBackend from "openapi-backend";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { useMockServer } from "../helpers/mock-server.js";
import { PROVIDERS, type ProviderCase } from "../generators/workspace.js";
import { type Exchange, exchangesWithMock, participantPath } from "./exchanges.js";

const mock = useMockServer();

async function backend(provider: ProviderCase, options: { quick?: boolean; ajvOpts?: { coerceTypes?: boolean } }) {
  const api = new OpenAPIBackend({ definition: JSON.parse(readFileSync(provider.document, "utf8")), ...options });
  await api.init();
  return api;
}

const requestOf = (exchange: Exchange) => ({
  method: "post",
  path: exchange.path,
  headers: { "content-type": exchange.contentType },
  body: exchange.parsed,
});

describe("openapi-backend", () => {
  it.each(PROVIDERS)(
    "$name: without quick, init() checks the 3.1 document against 3.0's schema, warns, and then knows no operation",
    async (provider) => {
      const logged = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        const api = await backend(provider, { ajvOpts: { coerceTypes: true } });
        expect(String(logged.mock.calls[0]?.[0])).toMatch(/Document is not valid OpenAPI/);
        expect(() => api.validateRequest({ method: "post", path: participantPath(provider), headers: {}, body: {} })).toThrow(
          /Unknown operation/,
        );
      } finally {
        logged.mockRestore();
      }
    },
  );

  it.each(PROVIDERS)(
    "$name: with quick and coerceTypes, agrees with the mock on every request but Muted=True, and passes every answer",
    async (provider) => {
      const api = await backend(provider, { quick: true, ajvOpts: { coerceTypes: true } });
      const disagreements: string[] = [];
      for (const exchange of await exchangesWithMock(mock, provider)) {
        const request = requestOf(exchange);
        const verdict = api.validateRequest(request).valid ? "valid" : "invalid";
        if (verdict !== exchange.mockVerdict) disagreements.push(`${exchange.body}: ${verdict}`);
        const answer = api.validateResponse(exchange.answer, api.matchOperation(request)!, exchange.status);
        expect(answer.errors ?? [], `${exchange.status} ${JSON.stringify(exchange.answer)}`).toEqual([]);
      }
      expect(disagreements).toEqual(["Muted=True: invalid"]);
    },
  );

  it.each(PROVIDERS)("$name: without coerceTypes, refuses every form body with a boolean in it", async (provider) => {
    const api = await backend(provider, { quick: true });
    const [mute] = await exchangesWithMock(mock, provider);
    expect(mute!.mockVerdict).toBe("valid");
    expect(api.validateRequest(requestOf(mute!)).errors?.map((error) => error.message)).toContain("must be boolean");
  });
});
