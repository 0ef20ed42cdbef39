/**
 * `specmatic stub` (Specmatic 2.55) from the per-provider documents, one stub per document in one JVM (a
 * `specmatic.yaml` gives each its own port): this package's client (with `serverUrl`, as for any stub that
 * serves the paths at its root, and `validateResponses` on) and each provider's official Node SDK mute and
 * coach with a 2xx answer. A made-up answer takes its dates from the dictionary beside the document, so the
 * client's response check passes. SignalWire's SDK calls a path the document names only in words (decision
 * 9): the stub has no route for it, so that SDK needs a copy of the document with its path, served beside.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { basename, dirname, join } from "node:path";
import Telnyx from "telnyx";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignalWireClient, createTelnyxClient, createTwilioClient } from "../../src/index.js";
import {
  ACCOUNT,
  CONFERENCE,
  SW_CALLS,
  SW_TOKEN,
  TW_ACCOUNT,
  TW_CALLS,
  TW_CONFERENCE,
  TW_TOKEN,
  TX_CALLS,
  TX_KEY,
} from "../fixtures/ids.js";
import { PROVIDERS, type ProviderCase, root } from "../generators/workspace.js";
import { requireJava, SPECMATIC_JAR } from "./specmatic.js";

const require = createRequire(import.meta.url);
const { RestClient } = require("@signalwire/compatibility-api") as {
  RestClient(
    user: string,
    token: string,
    options: { signalwireSpaceUrl: string },
  ): {
    api: { baseUrl: string };
    conferences(sid: string): { participants(sid: string): { update(body: object): Promise<{ muted?: boolean; coaching?: boolean }> } };
  };
};

const provider = (name: ProviderCase["name"]) => PROVIDERS.find((candidate) => candidate.name === name)!;
const signalwire = provider("signalwire");

let dir: string;
let stub: ChildProcess;
const urls: Record<string, string> = {};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** SignalWire's document with its operation on the path its Node SDK calls (decision 9), and its dictionary. */
function signalWireSdkCopy(): string {
  const document = JSON.parse(readFileSync(signalwire.document, "utf8")) as { paths: Record<string, unknown> };
  const [[path, item]] = Object.entries(document.paths) as [[string, unknown]];
  document.paths = { [`${path.replace(/^\/api\/laml/, "")}.json`]: item };
  const file = join(dir, "signalwire-sdk.openapi.json");
  writeFileSync(file, JSON.stringify(document));
  copyFileSync(signalwire.document.replace(/\.json$/, "_dictionary.json"), join(dir, "signalwire-sdk.openapi_dictionary.json"));
  return file;
}

/** Resolves once every stub answers HTTP (Specmatic prints no line per port it listens on). */
async function waitUntilServing(deadline: number): Promise<void> {
  for (const url of Object.values(urls)) {
    for (;;) {
      if (stub.exitCode !== null) throw new Error(`specmatic stub exited (${stub.exitCode})`);
      if (
        await fetch(url).then(
          (response) => response.arrayBuffer(),
          () => undefined,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error("specmatic stub did not start in time");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

beforeAll(async () => {
  requireJava();
  dir = mkdtempSync(join(root, "artifacts", "specmatic-stub-"));
  const specs: [string, string][] = [
    ...PROVIDERS.map((p): [string, string] => [p.name, p.document]),
    ["signalwire-sdk", signalWireSdkCopy()],
  ];
  const contracts = [];
  for (const [name, file] of specs) {
    urls[name] = `http://127.0.0.1:${await freePort()}`;
    contracts.push(
      `  - filesystem: { directory: "${dirname(file)}" }\n    consumes:\n      - baseUrl: ${urls[name]}\n        specs: [${basename(file)}]`,
    );
  }
  writeFileSync(join(dir, "specmatic.yaml"), `version: 2\ncontracts:\n${contracts.join("\n")}\n`);
  stub = spawn("java", ["-jar", SPECMATIC_JAR, "stub", "--config", join(dir, "specmatic.yaml"), "--hot-reload=disabled"], {
    cwd: dir,
    stdio: "ignore",
  });
  await waitUntilServing(Date.now() + 150_000);
}, 180_000);

afterAll(async () => {
  if (stub && stub.exitCode === null) {
    await new Promise((resolve) => {
      stub.once("exit", resolve);
      stub.kill("SIGTERM");
    });
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("specmatic stub from each per-provider document", () => {
  it("answers this package's clients 200 for a mute and a coach, with answers that pass their response check", async () => {
    const sw = createSignalWireClient({
      space: "example",
      projectId: ACCOUNT,
      apiToken: SW_TOKEN,
      serverUrl: urls.signalwire!,
      validateResponses: true,
    });
    const tx = createTelnyxClient({ apiKey: TX_KEY, accountSid: ACCOUNT, serverUrl: urls.telnyx!, validateResponses: true });
    const tw = createTwilioClient({ accountSid: TW_ACCOUNT, authToken: TW_TOKEN, serverUrl: urls.twilio!, validateResponses: true });
    const updates = [
      [sw, SW_CALLS[0], CONFERENCE, SW_CALLS[1]],
      [tx, TX_CALLS[0], CONFERENCE, TX_CALLS[1]],
      [tw, TW_CALLS[0], TW_CONFERENCE, TW_CALLS[1]],
    ] as const;
    for (const [client, call, conference, coached] of updates) {
      for (const body of [{ Muted: true }, { Coaching: true, CallSidToCoach: coached }] as const) {
        const { response, data } = await (client as typeof sw).updateParticipant({
          conferenceSid: conference,
          callSid: call,
          body: body as never,
        });
        expect([response.status, data !== undefined]).toEqual([200, true]);
      }
    }
  });

  it("answers Telnyx's and Twilio's SDKs for a mute and a coach, pointed at the stub's root", async () => {
    const sdk = new Telnyx({ apiKey: TX_KEY, baseURL: urls.telnyx!, maxRetries: 0 });
    const update = (body: object) =>
      sdk.texml.accounts.conferences.participants.update(TX_CALLS[0], { account_sid: ACCOUNT, conference_sid: CONFERENCE, ...body });
    expect(await update({ Muted: true })).toHaveProperty("call_sid");
    expect(await update({ Coaching: true, CallSidToCoach: TX_CALLS[1] })).toHaveProperty("call_sid");
    const client = twilio(TW_ACCOUNT, TW_TOKEN);
    client.api.baseUrl = urls.twilio!;
    const participant = client.conferences(TW_CONFERENCE).participants(TW_CALLS[0]);
    expect(await participant.update({ muted: true })).toHaveProperty("callSid");
    expect(await participant.update({ coaching: true, callSidToCoach: TW_CALLS[1] })).toHaveProperty("callSid");
  });

  it("answers SignalWire's SDK only from a copy of the document with the SDK's path", async () => {
    const sdk = (url: string) => {
      const client = RestClient(ACCOUNT, SW_TOKEN, { signalwireSpaceUrl: "example.signalwire.com" });
      client.api.baseUrl = url;
      return client.conferences(CONFERENCE).participants(SW_CALLS[0]);
    };
    await expect(sdk(urls.signalwire!).update({ muted: true })).rejects.toThrow(/not valid JSON/);
    expect(await sdk(urls["signalwire-sdk"]!).update({ muted: true })).toHaveProperty("callSid");
    expect(await sdk(urls["signalwire-sdk"]!).update({ coaching: true, callSidToCoach: SW_CALLS[1] })).toHaveProperty("callSid");
  });
});
