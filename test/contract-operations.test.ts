/** The operations as the bundle and the generated operation facts describe them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.js";

type Operation = {
  operationId: string;
  servers: { url: string }[];
  security: Record<string, string[]>[];
  "x-provider-operation-ids": Record<string, string>;
  externalDocs: { url: string };
};
const spec = JSON.parse(readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8")) as {
  paths: Record<string, { post: Operation }>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
};

const expected = [
  {
    operationId: "updateSignalWireParticipant",
    url: "https://{space}.signalwire.com/api/laml/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}",
    auth: "basic",
    fields: [
      "Muted",
      "Hold",
      "HoldUrl",
      "HoldMethod",
      "AnnounceUrl",
      "AnnounceMethod",
      "WaitUrl",
      "WaitMethod",
      "Coaching",
      "CallSidToCoach",
      "Beep",
    ],
    statuses: ["200", "400", "401", "403", "404", "405", "408", "413", "415", "422", "429", "431", "500", "503", "505"],
    contentTypes: ["application/x-www-form-urlencoded", "application/json"],
    providerOperationIds: { signalwire: "update_participant", twilio: "UpdateParticipant" },
  },
  {
    operationId: "updateTelnyxParticipant",
    url: "https://api.telnyx.com/v2/texml/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{call_sid_or_participant_label}",
    auth: "bearer",
    fields: [
      "Muted",
      "Hold",
      "HoldUrl",
      "HoldMethod",
      "AnnounceUrl",
      "AnnounceMethod",
      "WaitUrl",
      "BeepOnExit",
      "EndConferenceOnExit",
      "Coaching",
      "CallSidToCoach",
    ],
    statuses: ["200", "400", "401", "403", "404", "405", "408", "413", "415", "422", "429", "431", "500", "503", "505"],
    contentTypes: ["application/x-www-form-urlencoded", "application/json"],
    providerOperationIds: { telnyx: "UpdateTexmlConferenceParticipant", twilio: "UpdateParticipant" },
  },
  {
    operationId: "updateTwilioParticipant",
    url: "https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
    auth: "basic",
    fields: [
      "Muted",
      "Hold",
      "HoldUrl",
      "HoldMethod",
      "AnnounceUrl",
      "AnnounceMethod",
      "WaitUrl",
      "WaitMethod",
      "BeepOnExit",
      "EndConferenceOnExit",
      "Coaching",
      "CallSidToCoach",
    ],
    statuses: ["200", "400", "401", "403", "404", "405", "408", "413", "415", "422", "429", "431", "500", "503", "505"],
    contentTypes: ["application/x-www-form-urlencoded"],
    providerOperationIds: { twilio: "UpdateParticipant" },
  },
] as const;

describe.each(expected)("$operationId", ({ operationId, url, auth, fields, statuses, contentTypes, providerOperationIds }) => {
  const [path, item] = Object.entries(spec.paths).find(([, item]) => item.post.operationId === operationId)!;

  it("carries its own server and security, so its full URL and auth are in the bundle", () => {
    expect(`${item.post.servers[0]!.url}${path}`).toBe(url);
    const [scheme] = Object.keys(item.post.security[0]!);
    expect(spec.components.securitySchemes[scheme!]).toEqual(expect.objectContaining({ type: "http", scheme: auth }));
  });

  it("has the same facts in generated/operations.ts", () => {
    const facts = operations[operationId];
    expect(`${facts.server.url}${facts.path}`).toBe(url);
    expect(facts.auth).toBe(auth);
    expect(Object.keys(facts.requestFields)).toEqual(fields);
    expect(Object.keys(facts.responses)).toEqual(statuses);
    expect(facts.requestContentTypes).toEqual(contentTypes);
  });

  it("records the providers' own names for it and links the provider's reference page", () => {
    expect(item.post["x-provider-operation-ids"]).toEqual(providerOperationIds);
    expect(new URL(item.post.externalDocs.url).protocol).toBe("https:");
  });
});
