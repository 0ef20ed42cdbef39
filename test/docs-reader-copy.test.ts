/** The copy of the contract that the HTML reference renders: rules put into words, the contract untouched. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conditionalRule, type JsonSchema, type OpenApiDocument } from "../scripts/generate/document.js";
import { readerCopy } from "../scripts/docs/reader-copy.js";

const bundle = readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8");
const contract = (): OpenApiDocument => JSON.parse(bundle) as OpenApiDocument;

function schemasWithRule(document: OpenApiDocument): string[] {
  return Object.entries(document.components.schemas)
    .filter(([, schema]) => conditionalRule(schema) !== undefined)
    .map(([name]) => name);
}

/** `name`'s fields schema as one object with `name`'s own title and description: how the copy shows it. */
function asOneObject(document: OpenApiDocument, name: string, fields: string): JsonSchema {
  const { title: _title, description: _description, ...rest } = document.components.schemas[fields]!;
  const { title, description } = document.components.schemas[name]!;
  return { ...rest, title, description };
}

describe("readerCopy", () => {
  it("drops every conditional rule of the contract and leaves the contract itself as it was", () => {
    const original = contract();
    expect(schemasWithRule(original)).toEqual([
      "SignalWireUpdateParticipantRequest",
      "TelnyxUpdateParticipantRequest",
      "TwilioUpdateParticipantRequest",
    ]);
    const copy = readerCopy(original);
    expect(schemasWithRule(copy)).toEqual([]);
    expect(JSON.stringify(copy.components.schemas)).not.toContain('"anyOf":[{"title":"not coaching"');
    expect(original).toEqual(contract());
  });

  it("changes nothing else than the rules it restates", () => {
    const copy = readerCopy(contract());
    const expected = contract();
    const original = contract();
    for (const provider of ["SignalWire", "Telnyx", "Twilio"]) {
      const name = `${provider}UpdateParticipantRequest`;
      expected.components.schemas[name] = asOneObject(original, name, `${provider}UpdateParticipantFields`);
    }
    const telnyxError = asOneObject(original, "TelnyxError", "TelnyxErrorFields");
    telnyxError.description = `${telnyxError.description} Carries \`detail\` or \`title\`, at least one of them.`;
    expected.components.schemas.TelnyxError = telnyxError;
    expect(copy).toEqual(expected);
  });

  it("keeps an anyOf whose branches are schemas (CallSidToCoach's uuid or empty string)", () => {
    const copy = readerCopy(contract());
    const request = copy.components.schemas.SignalWireUpdateParticipantRequest!;
    const callSidToCoach = (request.properties as Record<string, JsonSchema>).CallSidToCoach!;
    expect((callSidToCoach.anyOf as JsonSchema[]).map((branch) => branch.title)).toEqual(["call SID (UUID)", "empty, to stop coaching"]);
  });

  const ruleOf = (document: OpenApiDocument) =>
    (document.components.schemas.SignalWireUpdateParticipantRequest!.allOf as JsonSchema[]).find((member) => member.anyOf)!
      .anyOf as JsonSchema[];
  const broken: [string, (document: OpenApiDocument) => void, RegExp][] = [
    [
      "the required field's description does not state the rule",
      (document) => {
        const fields = document.components.schemas.SignalWireUpdateParticipantFields!;
        (fields.properties as Record<string, JsonSchema>).CallSidToCoach!.description = "The coached call.";
      },
      /SignalWireUpdateParticipantRequest\.CallSidToCoach: its description must state the rule on Coaching/,
    ],
    [
      "the rule has a third case",
      (document) => {
        ruleOf(document).push({ required: ["Muted"] });
      },
      /SignalWireUpdateParticipantRequest: an anyOf rule the docs cannot restate/,
    ],
    [
      "the rule's case requires nothing but the field it tests",
      (document) => {
        ruleOf(document)[1]!.required = ["Coaching"];
      },
      /SignalWireUpdateParticipantRequest: an anyOf rule the docs cannot restate/,
    ],
  ];
  it.each(broken)("refuses to build when %s, so no rule silently vanishes", (_, breakIt, message) => {
    const document = contract();
    breakIt(document);
    expect(() => readerCopy(document)).toThrow(message);
  });
});
