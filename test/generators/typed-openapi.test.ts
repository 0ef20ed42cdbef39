/**
 * typed-openapi 2.2 on each per-provider document, as a consumer runs it: generate (its `-o` wants a path
 * relative to where it runs), type-check under strict, then update a participant on the mock. It writes
 * types and a typed `ApiClient` but no HTTP code: the fetcher is one's own. Here it sends the body as the
 * form every provider takes. Its types keep the coaching rule.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  expectMuteAndCoach,
  type GeneratorRun,
  PROVIDERS,
  type ProviderCase,
  runTool,
  startRun,
  typeCheck,
  writeTypeChecks,
} from "./workspace.js";

let run: GeneratorRun;

beforeAll(async () => {
  run = await startRun("typed-openapi");
  for (const provider of PROVIDERS) {
    mkdirSync(join(run.dir, provider.name));
    runTool("typed-openapi", [provider.document, "-o", "./client.ts"], join(run.dir, provider.name));
  }
  writeTypeChecks(
    run.dir,
    `import type { Schemas as SignalWire } from "./signalwire/client";
import type { Schemas as Telnyx } from "./telnyx/client";
import type { Schemas as Twilio } from "./twilio/client";
type SignalWireRequest = SignalWire.SignalWireUpdateParticipantRequest;
type TelnyxRequest = Telnyx.TelnyxUpdateParticipantRequest;
type TelnyxError = Telnyx.TelnyxError;
type TwilioRequest = Twilio.TwilioUpdateParticipantRequest;
type TwilioError = Twilio.TwilioError;`,
  );
}, 120_000);

afterAll(() => run?.close());

interface FetchInput {
  method: string;
  url: URL;
  parameters?: { body?: Record<string, unknown> };
}
type Post = (
  path: string,
  options: { path: Record<string, string>; body: object; withResponse: true },
) => Promise<{ status: number; data: unknown }>;

/** The fetcher typed-openapi leaves to its user: the body as a URL-encoded form, with the provider's credentials. */
const formFetcher = (provider: ProviderCase) => ({
  fetch: ({ method, url, parameters }: FetchInput) =>
    fetch(url, {
      method,
      headers: { Authorization: provider.authorization, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(Object.entries(parameters?.body ?? {}).map(([key, value]) => [key, String(value)])),
    }),
});

describe("typed-openapi", () => {
  it("generates types that type-check under strict, keep the coaching rule and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it.each(PROVIDERS)("$name: with a form fetcher of one's own, pointed at the mock, mutes and coaches", async (provider) => {
    const { createApiClient } = (await import(join(run.dir, provider.name, "client.ts"))) as {
      createApiClient(fetcher: ReturnType<typeof formFetcher>, baseUrl: string): { post: Post };
    };
    const api = createApiClient(formFetcher(provider), provider.baseUrl(run.mock.url));
    const [path] = Object.keys((JSON.parse(readFileSync(provider.document, "utf8")) as { paths: object }).paths);
    await expectMuteAndCoach(provider, async (body) => {
      const { status, data } = await api.post(path!, { path: provider.pathParameters(provider.call), body, withResponse: true });
      return { status, data };
    });
  });
});
