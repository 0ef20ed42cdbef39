/**
 * Real request and answer pairs from the mock, for the Node validators' tests: each provider's update sent
 * as a form (and as JSON where the provider takes it), valid and not, with the mock's verdict and answer.
 */
import { readFileSync } from "node:fs";
import type { MockServer } from "../../src/mock/index.js";
import type { ProviderCase } from "../generators/workspace.js";

export interface Exchange {
  contentType: "application/x-www-form-urlencoded" | "application/json";
  /** The body as sent. */
  body: string;
  /** The same body as an object (a form's values stay strings, as a form parser gives them). */
  parsed: Record<string, unknown>;
  /** The document's path with the participant's ids, without the server's path (Telnyx's `/v2`). */
  path: string;
  mockVerdict: "valid" | "invalid";
  status: number;
  answer: unknown;
}

/** The updates sent: valid ones, each rule broken once, and decision 11's `True`. */
const UPDATES = (coached: string): Record<string, unknown>[] => [
  { Muted: true },
  { Coaching: true, CallSidToCoach: coached },
  { WaitUrl: "" },
  { Coaching: true },
  { HoldURL: "https://example.com/hold.mp3" },
  { HoldUrl: "ftp://example.com/hold.mp3" },
];

interface Document {
  paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>;
}

/** The document's one path with the participant's ids filled in. */
export function participantPath(provider: ProviderCase): string {
  const document = JSON.parse(readFileSync(provider.document, "utf8")) as Document;
  const [template] = Object.keys(document.paths);
  const parameters = provider.pathParameters(provider.call);
  return template!.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name]!));
}

const takesJson = (provider: ProviderCase) =>
  "application/json" in Object.values((JSON.parse(readFileSync(provider.document, "utf8")) as Document).paths)[0]!.post.requestBody.content;

/** Sends every update to the mock (a form, and JSON where the provider takes it) and keeps what came back. */
export async function exchangesWithMock(mock: MockServer, provider: ProviderCase): Promise<Exchange[]> {
  mock.reset();
  const path = participantPath(provider);
  const bodies: [Exchange["contentType"], string][] = [
    ...UPDATES(provider.coached).map((update): [Exchange["contentType"], string] => [
      "application/x-www-form-urlencoded",
      new URLSearchParams(Object.entries(update).map(([key, value]) => [key, String(value)])).toString(),
    ]),
    ["application/x-www-form-urlencoded", "Muted=True"],
    ...(takesJson(provider)
      ? UPDATES(provider.coached).map((update): [Exchange["contentType"], string] => ["application/json", JSON.stringify(update)])
      : []),
  ];
  const exchanges: Exchange[] = [];
  for (const [contentType, body] of bodies) {
    const response = await fetch(`${provider.baseUrl(mock.url)}${path}`, {
      method: "POST",
      headers: { authorization: provider.authorization, "content-type": contentType },
      body,
    });
    const answer = await response.json();
    const parsed = contentType === "application/json" ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body));
    const mockVerdict = mock.requests().at(-1)!.verdict === "valid" ? "valid" : "invalid";
    exchanges.push({ contentType, body, parsed, path, mockVerdict, status: response.status, answer });
  }
  return exchanges;
}
