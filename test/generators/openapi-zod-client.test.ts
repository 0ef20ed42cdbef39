/**
 * openapi-zod-client (strict objects) on each per-provider document, as a consumer runs it: generate, type-check
 * under strict, check that its zod schemas keep the contract's refusals, then point only the base URL at the
 * mock and update a participant through the generated Zodios client.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectMuteAndCoach,
  type GeneratorRun,
  PROVIDERS,
  runTool,
  schemaPrefix,
  startRun,
  typeCheck,
  writeTypeChecks,
} from "./workspace.js";

let run: GeneratorRun;

beforeAll(async () => {
  run = await startRun("openapi-zod-client");
  for (const provider of PROVIDERS) {
    mkdirSync(join(run.dir, provider.name));
    runTool("openapi-zod-client", [
      provider.document,
      "-o",
      join(run.dir, provider.name, "client.ts"),
      "--strict-objects",
      "--export-schemas",
    ]);
  }
  writeTypeChecks(
    run.dir,
    `import type { z } from "zod";
import type { schemas as signalwire } from "./signalwire/client";
import type { schemas as telnyx } from "./telnyx/client";
import type { schemas as twilio } from "./twilio/client";
type SignalWireRequest = z.infer<typeof signalwire.SignalWireUpdateParticipantRequest>;
type TelnyxRequest = z.infer<typeof telnyx.TelnyxUpdateParticipantRequest>;
type TelnyxError = z.infer<typeof telnyx.TelnyxError>;
type TwilioRequest = z.infer<typeof twilio.TwilioUpdateParticipantRequest>;
type TwilioError = z.infer<typeof twilio.TwilioError>;`,
  );
}, 120_000);

afterAll(() => run?.close());

interface ZodSchema {
  safeParse(value: unknown): { success: boolean };
}
interface GeneratedModule {
  schemas: Record<string, ZodSchema>;
  createApiClient(baseUrl: string): GeneratedClient;
}
interface GeneratedClient {
  axios: { interceptors: { response: { use(onFulfilled: (response: { status: number }) => unknown): void } } };
  [operationId: string]: unknown;
}
type GeneratedOperation = (
  body: Record<string, unknown>,
  config: { params: Record<string, string>; headers: Record<string, string> },
) => Promise<unknown>;

const load = (provider: (typeof PROVIDERS)[number]) => import(join(run.dir, provider.name, "client.ts")) as Promise<GeneratedModule>;
const requestSchema = (provider: (typeof PROVIDERS)[number]) => `${schemaPrefix(provider)}UpdateParticipantRequest`;

describe("openapi-zod-client", () => {
  it("generates clients that type-check under strict, keep the coaching rule and type the providers' errors", () => {
    typeCheck(run.dir);
  });

  it.each(PROVIDERS)(
    "$name: the request schema refuses Coaching=true alone and an unknown field, and takes valid updates",
    async (provider) => {
      const schema = (await load(provider)).schemas[requestSchema(provider)]!;
      expect(schema.safeParse({ Coaching: true }).success).toBe(false);
      expect(schema.safeParse({ Coaching: true, CallSidToCoach: "" }).success).toBe(false);
      expect(schema.safeParse({ Muted: true, HoldURL: "https://example.com/hold.mp3" }).success).toBe(false);
      expect(schema.safeParse({ Muted: true }).success).toBe(true);
      expect(schema.safeParse({ Coaching: true, CallSidToCoach: provider.coached }).success).toBe(true);
      expect(schema.safeParse({ Coaching: false }).success).toBe(true);
      expect(schema.safeParse({ Coaching: false, CallSidToCoach: "" }).success).toBe(provider.emptyCallSidToCoach);
    },
  );

  it.each(PROVIDERS)("$name: pointed at the mock, mutes and coaches", async (provider) => {
    const client = (await load(provider)).createApiClient(provider.baseUrl(run.mock.url));
    const statuses: number[] = [];
    client.axios.interceptors.response.use((response) => {
      statuses.push(response.status);
      return response;
    });
    await expectMuteAndCoach(provider, async (body) => {
      const data = await (client[provider.operationId] as GeneratedOperation)(body, {
        params: provider.pathParameters(provider.call),
        headers: { Authorization: provider.authorization },
      });
      return { status: statuses.at(-1) ?? 0, data };
    });
    expect(statuses).toEqual([200, 200]);
  });
});
