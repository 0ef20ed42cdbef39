/** The copy of the contract that the HTML reference renders: rules put into words, the contract untouched. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonSchema, OpenApiDocument } from "../scripts/generate/document.js";
import { readerCopy } from "../scripts/docs/reader-copy.js";

const bundle = readFileSync(join(import.meta.dirname, "..", "generated", "openapi.json"), "utf8");
const contract = (): OpenApiDocument => JSON.parse(bundle) as OpenApiDocument;

function schemasWith(document: OpenApiDocument, keyword: string): string[] {
  return Object.entries(document.components.schemas)
    .filter(([, schema]) => schema[keyword] !== undefined)
    .map(([name]) => name);
}

describe("readerCopy", () => {
  it("drops every if/then of the contract and leaves the contract itself as it was", () => {
    const original = contract();
    const conditional = schemasWith(original, "if");
    expect(conditional).toEqual(["SignalWireUpdateParticipantRequest", "TelnyxUpdateParticipantRequest"]);
    const copy = readerCopy(original);
    expect(schemasWith(copy, "if")).toEqual([]);
    expect(schemasWith(copy, "then")).toEqual([]);
    expect(original).toEqual(contract());
  });

  it("changes nothing else than the rules it restates", () => {
    const copy = readerCopy(contract());
    const expected = contract();
    for (const schema of Object.values(expected.components.schemas)) {
      delete schema.if;
      delete schema.then;
    }
    const telnyxError = expected.components.schemas.TelnyxError!;
    delete telnyxError.allOf;
    telnyxError.description = `${telnyxError.description} Carries \`detail\` or \`title\`, at least one of them.`;
    expect(copy).toEqual(expected);
  });

  it("keeps an anyOf whose branches are schemas (CallSidToCoach's uuid or empty string)", () => {
    const copy = readerCopy(contract());
    const request = copy.components.schemas.SignalWireUpdateParticipantRequest!;
    const callSidToCoach = (request.properties as Record<string, JsonSchema>).CallSidToCoach!;
    expect((callSidToCoach.anyOf as JsonSchema[]).map((branch) => branch.title)).toEqual(["call SID (UUID)", "empty, to stop coaching"]);
  });

  const broken: [string, (schema: JsonSchema) => void, RegExp][] = [
    [
      "the required field's description does not state the rule",
      (schema) => {
        (schema.properties as Record<string, JsonSchema>).CallSidToCoach!.description = "The coached call.";
      },
      /SignalWireUpdateParticipantRequest\.CallSidToCoach: its description must state the rule on Coaching/,
    ],
    [
      "the rule has an else",
      (schema) => {
        schema.else = { required: ["Muted"] };
      },
      /SignalWireUpdateParticipantRequest: an if\/then the docs cannot restate/,
    ],
    [
      "then requires nothing",
      (schema) => {
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema `then`, not a thenable
        schema.then = { properties: { CallSidToCoach: { minLength: 1 } } };
      },
      /SignalWireUpdateParticipantRequest: an if\/then the docs cannot restate/,
    ],
  ];
  it.each(broken)("refuses to build when %s, so no rule silently vanishes", (_, breakIt, message) => {
    const document = contract();
    breakIt(document.components.schemas.SignalWireUpdateParticipantRequest!);
    expect(() => readerCopy(document)).toThrow(message);
  });
});
