/**
 * express-openapi-validator 5.6 with each per-provider document, in an Express 5 app in front of the mock:
 * it checks each request, hands the ones it passes to the mock, and checks the mock's answer
 * (`validateResponses`). A form's values reach it as strings, so it refuses `Muted=true` unless told
 * `validateRequests: { coerceTypes: true }`; with that, it agrees with the mock on every request but
 * `Muted=True` (decision 11 reads form booleans in any letter case; ajv coerces only `true` and `false`), and
 * every answer the mock gave passes its response check. It checks only paths under the server's path
 * (Telnyx's `/v2`).
 */
import express from "express";
import * as OpenApiValidator from "express-openapi-validator";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { useMockServer } from "../helpers/mock-server.js";
import { PROVIDERS, type ProviderCase } from "../generators/workspace.js";
import { exchangesWithMock } from "./exchanges.js";

const mock = useMockServer();

interface App {
  url: string;
  close(): Promise<void>;
}

/** The validator in front of a handler that forwards to the mock and answers what the mock answered. */
async function validatingProxy(provider: ProviderCase, validateRequests: boolean | { coerceTypes: boolean }): Promise<App> {
  const app = express();
  app.use(express.urlencoded({ extended: false }), express.json());
  app.use(
    OpenApiValidator.middleware({
      apiSpec: JSON.parse(readFileSync(provider.document, "utf8")),
      validateRequests,
      validateResponses: true,
    }),
  );
  app.use(async (request: express.Request, response: express.Response) => {
    const type = request.headers["content-type"]!;
    const body = type.includes("json")
      ? JSON.stringify(request.body)
      : new URLSearchParams(request.body as Record<string, string>).toString();
    const answer = await fetch(`${mock.url}${request.originalUrl}`, {
      method: request.method,
      headers: { authorization: request.headers.authorization!, "content-type": type },
      body,
    });
    response.status(answer.status).json(await answer.json());
  });
  app.use(
    (error: { status?: number; message: string }, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
      response.status(error.status ?? 500).json({ validator: error.message });
    },
  );
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sends each of the mock's exchanges through the app; returns where the app and the mock disagree. */
async function disagreements(provider: ProviderCase, app: App): Promise<string[]> {
  const found: string[] = [];
  const server = new URL(provider.baseUrl(mock.url)).pathname.replace(/\/$/, "");
  for (const exchange of await exchangesWithMock(mock, provider)) {
    const response = await fetch(`${app.url}${server}${exchange.path}`, {
      method: "POST",
      headers: { authorization: provider.authorization, "content-type": exchange.contentType },
      body: exchange.body,
    });
    const answer = (await response.json()) as { validator?: string };
    expect(response.status === 500 ? answer.validator : undefined, `the answer to ${exchange.body}`).toBeUndefined();
    const verdict = answer.validator === undefined ? "valid" : "invalid";
    if (verdict !== exchange.mockVerdict) found.push(`${exchange.body}: ${verdict} (${answer.validator ?? response.status})`);
  }
  return found;
}

const apps: App[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

describe("express-openapi-validator", () => {
  it.each(PROVIDERS)(
    "$name: with coerceTypes, agrees with the mock on every request but Muted=True, and passes every answer",
    async (provider) => {
      const app = await validatingProxy(provider, { coerceTypes: true });
      apps.push(app);
      expect(await disagreements(provider, app)).toEqual([expect.stringMatching(/^Muted=True: invalid \(.*must be boolean/)]);
    },
  );

  it.each(PROVIDERS)("$name: as it is, refuses every form body with a boolean in it", async (provider) => {
    const app = await validatingProxy(provider, true);
    apps.push(app);
    const refused = (await disagreements(provider, app)).map((line) => line.slice(0, line.indexOf(":")));
    expect(refused).toEqual(expect.arrayContaining(["Muted=true", "Muted=True"]));
  });
});
