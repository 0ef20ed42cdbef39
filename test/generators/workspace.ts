/**
 * What the generator matrix shares: a folder for each generator's output (under artifacts/, so the output
 * resolves zod, axios and @zodios/core from this repo's node_modules), the repo's TypeScript to type-check
 * it under `strict`, the per-provider documents with what a call to the mock needs, and the scenario every
 * generated client runs against the mock: mute a participant, then start coaching one.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { ACCOUNT, CONFERENCE, SW_CALLS, SW_TOKEN, TW_TOKEN, TX_CALLS, TX_KEY } from "../fixtures/ids.js";
import { basic, bearer } from "../helpers/http.js";
import type { MockServer } from "../../src/mock/index.js";
import { startTestMock } from "../helpers/mock-server.js";

export const root = join(import.meta.dirname, "..", "..");

export interface ProviderCase {
  name: "signalwire" | "telnyx" | "twilio";
  document: string;
  operationId: "updateSignalWireParticipant" | "updateTelnyxParticipant" | "updateTwilioParticipant";
  /** The document's root server URL, as generated clients name their base URL. */
  server: string;
  /** The base URL that points a generated client at the mock (Telnyx's paths sit under `/v2`). */
  baseUrl: (mockOrigin: string) => string;
  authorization: string;
  /** The path parameters, by the document's names, for the participant `call`. */
  pathParameters: (call: string) => Record<string, string>;
  /** The participant to update and the one it coaches. */
  call: string;
  coached: string;
  /** The participant's field that names the coached call. */
  coachedField: "call_sid_to_coach" | "coaching_call_sid";
  /** Whether an empty `CallSidToCoach` is a valid update (SignalWire and Telnyx: decision 6; Twilio: decision 22). */
  emptyCallSidToCoach: boolean;
}

interface PathParameter {
  name: string;
  in: string;
  example?: string;
}

/** The path parameters of the document's one operation, in order. */
function pathParametersOf(document: string): PathParameter[] {
  const { paths } = JSON.parse(readFileSync(document, "utf8")) as {
    paths: Record<string, Record<string, { parameters?: PathParameter[] }>>;
  };
  const [operation] = Object.values(paths).flatMap((item) => Object.values(item));
  return (operation?.parameters ?? []).filter((parameter) => parameter.in === "path");
}

/**
 * The path parameters of the document's one operation, by its names, filled by position as the contract's
 * paths are (account, conference, call), so a renamed parameter needs no change here.
 */
function byPosition(document: string, call: string, account: string = ACCOUNT, conference: string = CONFERENCE): Record<string, string> {
  const names = pathParametersOf(document).map((parameter) => parameter.name);
  const values = [account, conference, call];
  if (names.length !== values.length) throw new Error(`${document}: expected three path parameters, found ${names.join(", ")}`);
  return Object.fromEntries(names.map((name, i) => [name, values[i]!]));
}

type Examples = Record<string, { value: Record<string, string> }>;

/**
 * Twilio's ids as its document's examples give them (Twilio's own example SIDs): the account, conference
 * and participant of the path parameters' examples, and the call the coaching example coaches.
 */
function twilioExamples(document: string) {
  const [account = "", conference = "", call = ""] = pathParametersOf(document).map((parameter) => parameter.example ?? "");
  const { paths } = JSON.parse(readFileSync(document, "utf8")) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Examples }> } } }>;
  };
  const form = Object.values(paths)[0]!.post.requestBody.content["application/x-www-form-urlencoded"]!;
  return { account, conference, call, coached: form.examples.coaching!.value.CallSidToCoach! };
}

const TWILIO_DOCUMENT = join(root, "generated", "twilio.openapi.json");
const TWILIO = twilioExamples(TWILIO_DOCUMENT);

export const PROVIDERS: ProviderCase[] = [
  {
    name: "signalwire",
    document: join(root, "generated", "signalwire.openapi.json"),
    operationId: "updateSignalWireParticipant",
    server: "https://{space}.signalwire.com",
    baseUrl: (origin) => origin,
    authorization: basic(ACCOUNT, SW_TOKEN),
    pathParameters: (call) => byPosition(join(root, "generated", "signalwire.openapi.json"), call),
    call: SW_CALLS[0],
    coached: SW_CALLS[1],
    coachedField: "call_sid_to_coach",
    emptyCallSidToCoach: true,
  },
  {
    name: "telnyx",
    document: join(root, "generated", "telnyx.openapi.json"),
    operationId: "updateTelnyxParticipant",
    server: "https://api.telnyx.com/v2",
    baseUrl: (origin) => `${origin}/v2`,
    authorization: bearer(TX_KEY),
    pathParameters: (call) => byPosition(join(root, "generated", "telnyx.openapi.json"), call),
    call: TX_CALLS[0],
    coached: TX_CALLS[1],
    coachedField: "coaching_call_sid",
    emptyCallSidToCoach: true,
  },
  {
    name: "twilio",
    document: TWILIO_DOCUMENT,
    operationId: "updateTwilioParticipant",
    server: "https://api.twilio.com",
    baseUrl: (origin) => origin,
    authorization: basic(TWILIO.account, TW_TOKEN),
    pathParameters: (call) => byPosition(TWILIO_DOCUMENT, call, TWILIO.account, TWILIO.conference),
    call: TWILIO.call,
    coached: TWILIO.coached,
    coachedField: "call_sid_to_coach",
    emptyCallSidToCoach: false,
  },
];

/** The name the document gives the provider's schemas: `TwilioUpdateParticipantRequest` for `updateTwilioParticipant`. */
export const schemaPrefix = (provider: ProviderCase) => provider.operationId.slice("update".length, -"Participant".length);

/** What one generator's test runs against: the mock, and a fresh folder for the generated code. */
export interface GeneratorRun {
  mock: MockServer;
  dir: string;
  /** Stops the mock and deletes the folder. */
  close(): Promise<void>;
}

export async function startRun(generator: string): Promise<GeneratorRun> {
  const parent = join(root, "artifacts", "generators");
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${generator}-`));
  const mock = await startTestMock();
  return {
    mock,
    dir,
    close: async () => {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command-line tool of this repo's node_modules; its output is in the error when it fails. */
export function runTool(tool: string, args: string[], cwd = root): string {
  return runFile(join(root, "node_modules", ".bin", tool), args, cwd);
}

/**
 * Runs the `bin` a package names, by its package: two devDependencies claim the same `.bin/` name
 * (`openapi`: openapi-typescript-codegen's and @redocly/cli's), and which link wins depends on install order.
 */
export function runPackageBin(pkg: string, bin: string, args: string[], cwd = root): string {
  const manifest = JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as {
    bin: Record<string, string>;
  };
  return runFile(process.execPath, [join(root, "node_modules", pkg, manifest.bin[bin]!), ...args], cwd);
}

function runFile(file: string, args: string[], cwd: string): string {
  return execFileSync(file, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
}

/** The `header` of `writeTypeChecks` for a generator that names its types after the schemas, in `module(provider)`. */
export function namedTypes(module: (provider: ProviderCase["name"]) => string): string {
  return `import type { SignalWireUpdateParticipantRequest as SignalWireRequest } from "${module("signalwire")}";
import type { TelnyxError, TelnyxUpdateParticipantRequest as TelnyxRequest } from "${module("telnyx")}";
import type { TwilioError, TwilioUpdateParticipantRequest as TwilioRequest } from "${module("twilio")}";`;
}

/**
 * Writes `checks.ts` into `dir`: what every generator's types must say, against five type names the
 * caller's `header` defines: `SignalWireRequest`, `TelnyxRequest`, `TelnyxError`, `TwilioRequest` and
 * `TwilioError`. An unused `@ts-expect-error` fails the type check, so a type that lost the coaching rule,
 * or an error type widened to `unknown`, fails it.
 */
export function writeTypeChecks(dir: string, header: string, gaps: TypeGaps = {}): void {
  writeFileSync(join(dir, "checks.ts"), typeChecksSource(header, gaps));
}

/** What a generator's types are known not to say, each left out of the checks with the reason in its test. */
export interface TypeGaps {
  /** Telnyx's error (`anyOf` of two `allOf`s) typed `any`: a number where a string belongs compiles. */
  telnyxErrorIsAny?: true;
  /** The coaching rule's branches typed with `Coaching: boolean`: `{ Coaching: true }` alone compiles. */
  coachingRuleLost?: true;
}

/**
 * `line` under its `@ts-expect-error` (the reason); under a known gap, as code that must compile, so the
 * check fails the day the generator closes the gap.
 */
const refused = (gap: true | undefined, reason: string, line: string) =>
  gap ? `// A known gap of this generator's types (its test says why): this compiles.\n${line}` : `// @ts-expect-error ${reason}\n${line}`;

function typeChecksSource(header: string, { telnyxErrorIsAny, coachingRuleLost }: TypeGaps): string {
  const coachingRule = "Coaching=true needs CallSidToCoach";
  return `${header}

export const coaching: SignalWireRequest = { Coaching: true, CallSidToCoach: "${SW_CALLS[1]}" };
export const muted: TelnyxRequest = { Muted: true };
${refused(coachingRuleLost, coachingRule, "export const coachingNobody: SignalWireRequest = { Coaching: true };")}
${refused(coachingRuleLost, coachingRule, "export const telnyxCoachingNobody: TelnyxRequest = { Coaching: true };")}
export const detail: string | undefined = ({ detail: "Resource not found" } as TelnyxError).detail;
${refused(telnyxErrorIsAny, "an error's detail is a string: the type is an object, not unknown", "export const numericDetail: TelnyxError = { detail: 404 };")}
export const twilioCoaching: TwilioRequest = { Coaching: true, CallSidToCoach: "${TWILIO.coached}" };
${refused(coachingRuleLost, coachingRule, "export const twilioCoachingNobody: TwilioRequest = { Coaching: true };")}
export const twilioCode: number = ({ code: 20404, message: "Not Found", more_info: "", status: 404 } as TwilioError).code;
// @ts-expect-error a Twilio error's code is a number: the type is an object, not unknown
export const twilioTextCode: TwilioError = { code: "20404", message: "Not Found", more_info: "", status: 404 };
`;
}

/**
 * Writes a strict tsconfig over `dir` and type-checks everything in it with this repo's TypeScript;
 * `compilerOptions` adds what a generator's output needs (`allowImportingTsExtensions` for `.ts` imports).
 */
export function typeCheck(dir: string, compilerOptions: Record<string, unknown> = {}): void {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        ...compilerOptions,
      },
      include: ["**/*.ts"],
    }),
  );
  try {
    runTool("tsc", ["-p", join(dir, "tsconfig.json")]);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc --strict failed on ${dir}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** One update as a generated client makes it: the HTTP status and the parsed body. */
export type Update = (body: Record<string, unknown>) => Promise<{ status: number; data: unknown }>;

/** Mutes the provider's participant, then has it coach the other one: 200 each time, and the new state. */
export async function expectMuteAndCoach(provider: ProviderCase, update: Update): Promise<void> {
  expect(await update({ Muted: true })).toMatchObject({ status: 200, data: { call_sid: provider.call, muted: true } });
  expect(await update({ Coaching: true, CallSidToCoach: provider.coached })).toMatchObject({
    status: 200,
    data: { call_sid: provider.call, muted: true, coaching: true, [provider.coachedField]: provider.coached },
  });
}
