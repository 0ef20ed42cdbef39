/**
 * Stoplight Prism's mock on each per-provider document enforces the coaching rule on a form body: Prism reads
 * `Coaching=true` as a boolean only where the schema types it, which the rule's cases do.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS, type ProviderCase, root } from "./generators/workspace.js";

interface Prism {
  url: string;
  child: ChildProcess;
}

/** Starts `prism mock` on a free port of 127.0.0.1 and resolves once it says where it listens. */
function startPrism(document: string): Promise<Prism> {
  const child = spawn(join(root, "node_modules", ".bin", "prism"), ["mock", "-h", "127.0.0.1", "-p", "0", document], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const listening = /Prism is listening on (http:\/\/\S+)/.exec(line);
      if (listening) resolve({ url: listening[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`prism mock ${document} exited (${code}) before listening`)));
  });
}

function stop(prism: Prism | undefined): Promise<void> {
  if (!prism || prism.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    prism.child.once("exit", () => resolve());
    prism.child.kill("SIGTERM");
  });
}

/** The document's one path with the participant's ids filled in (Prism serves it at its root, without `/v2`). */
function participantPath(provider: ProviderCase): string {
  const [template] = Object.keys((JSON.parse(readFileSync(provider.document, "utf8")) as { paths: object }).paths);
  const parameters = provider.pathParameters(provider.call);
  return template!.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name]!));
}

const prisms = new Map<string, Prism>();

beforeAll(async () => {
  const started = await Promise.all(PROVIDERS.map((provider) => startPrism(provider.document)));
  for (const [i, provider] of PROVIDERS.entries()) prisms.set(provider.name, started[i]!);
});

afterAll(() => Promise.all([...prisms.values()].map(stop)));

async function post(provider: ProviderCase, form: string): Promise<number> {
  const response = await fetch(`${prisms.get(provider.name)!.url}${participantPath(provider)}`, {
    method: "POST",
    headers: { authorization: provider.authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: form,
  });
  await response.arrayBuffer();
  return response.status;
}

describe("Prism's mock on each per-provider document", () => {
  it.each(PROVIDERS)("$name: refuses Coaching=true without CallSidToCoach with a 422, and takes it with one", async (provider) => {
    expect(await post(provider, "Coaching=true")).toBe(422);
    expect(await post(provider, "Coaching=true&CallSidToCoach=")).toBe(422);
    expect(await post(provider, `Coaching=true&CallSidToCoach=${encodeURIComponent(provider.coached)}`)).toBe(200);
    expect(await post(provider, "Coaching=false&Muted=true")).toBe(200);
  });
});
