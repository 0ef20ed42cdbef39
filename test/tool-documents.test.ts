/**
 * The per-provider documents say what the contract says, in the forms contract-testing tools read
 * (scripts/generate/tool-schemas.ts): for generated bodies (fast-check, seeded and bounded), ajv gives each
 * shaped schema the verdict it gives the contract's own schema in openapi.json, with this package's formats
 * and without any (a tool that reads `pattern` and not `format`). The one difference, by design: a date's
 * pattern cannot check the weekday, which the contract's validators still do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formats, isRfc2822Date, isUri } from "../src/contract/formats.js";
import { HTTP_URL, RFC2822_DATE_BUT_WEEKDAY, whole } from "../scripts/generate/tool-patterns.js";
import { PROVIDERS, type ProviderCase, root, schemaPrefix } from "./generators/workspace.js";

const SETTINGS = { seed: 2121, numRuns: 20_000 };

type Document = { components: { schemas: Record<string, Record<string, unknown>> }; paths: Record<string, unknown> };
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Document;
const bundle = read(join(root, "generated", "openapi.json"));

/** ajv as the package's validators run it (its formats, patterns without the `u` flag), or a tool that ignores formats. */
function compiler(document: Document, withFormats: boolean) {
  const ajv = withFormats
    ? new Ajv2020.default({ strict: false, unicodeRegExp: false, formats })
    : new Ajv2020.default({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: "doc", ...document });
  return (name: string) => ajv.compile({ $ref: `doc#/components/schemas/${name}` });
}

const contract = compiler(bundle, true);

const URLS = [
  "https://www.example.com/hold.mp3",
  "HTTP://EXAMPLE.COM",
  "http://[::1]:8080/a?b#c",
  "http://[v1.x]/",
  "http://a:b:c",
  "https://",
  "http:/x",
  "ftp://example.com/a",
  "https://exa mple.com",
  "https://[::g]/",
  "http://u@[::1]",
  "http://%zz",
  "https://x/%41?q=/?#f",
];
const IDS = [
  "b3877c40-da60-4998-90ad-b792e98472cb",
  "B3877C40-DA60-4998-90AD-B792E98472CB",
  "v3:mock-participant-2",
  `CA${"b".repeat(32)}`,
];
const values = fc.oneof(
  { arbitrary: fc.boolean(), weight: 4 },
  { arbitrary: fc.constantFrom("", "GET", "POST", "get", "true", ...URLS, ...IDS), weight: 5 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.constantFrom(null, 1, [], {}), weight: 1 },
);

const DELETE = Symbol("delete");

/** The request examples' bodies of a document (all valid). */
function requestExamples(document: Document): Record<string, unknown>[] {
  const operation = Object.values(Object.values(document.paths)[0] as object)[0] as {
    requestBody: { content: Record<string, { examples?: Record<string, { value: Record<string, unknown> }> }> };
  };
  return Object.values(operation.requestBody.content).flatMap((media) => Object.values(media.examples ?? {}).map(({ value }) => value));
}

/**
 * Update bodies near the rules' edges: a request example with up to three fields set to another value or
 * left out, or up to five fields (or one the provider does not have) with plausible values.
 */
function bodies(provider: ProviderCase, document: Document) {
  const fields = Object.keys(bundle.components.schemas[`${schemaPrefix(provider)}UpdateParticipantFields`]!.properties as object);
  const field = fc.constantFrom(...fields, "HoldURL");
  const edited = fc
    .tuple(
      fc.constantFrom(...requestExamples(document)),
      fc.array(fc.tuple(field, fc.oneof(values, fc.constant(DELETE))), { maxLength: 3 }),
    )
    .map(([example, edits]) => {
      const body: Record<string, unknown> = { ...example };
      for (const [name, value] of edits) {
        if (value === DELETE) delete body[name];
        else body[name] = value;
      }
      return body;
    });
  const sparse = fc
    .uniqueArray(fc.tuple(field, values), { maxLength: 5, selector: ([name]) => name })
    .map((entries) => Object.fromEntries(entries));
  return fc.oneof(edited, sparse);
}

describe.each(PROVIDERS)("$name's document for tools", (provider) => {
  const shaped = read(provider.document);
  const request = `${schemaPrefix(provider)}UpdateParticipantRequest`;
  const fromContract = contract(request);
  const fromShaped = compiler(shaped, true)(request);
  const fromPatterns = compiler(shaped, false)(request);

  it("gives every generated update body the contract's verdict, with the package's formats and with none", () => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(bodies(provider, shaped), (body) => {
        const verdict = fromContract(body);
        verdicts[verdict ? "valid" : "invalid"]++;
        return fromShaped(body) === verdict && fromPatterns(body) === verdict;
      }),
      SETTINGS,
    );
    // Both verdicts are well represented, so the comparison is not one-sided.
    expect(Math.min(verdicts.valid, verdicts.invalid)).toBeGreaterThan(SETTINGS.numRuns / 50);
  });

  it("gives every response example the contract's verdict", () => {
    const operation = Object.values(Object.values(shaped.paths)[0] as object)[0] as {
      responses: Record<string, { content?: Record<string, { schema: { $ref: string }; examples?: Record<string, { value: unknown }> }> }>;
    };
    const answers = Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {}));
    expect(answers.length).toBeGreaterThan(5);
    for (const { schema, examples } of answers) {
      const name = schema.$ref.split("/").pop()!;
      for (const { value } of Object.values(examples ?? {})) {
        expect([contract(name)(value), compiler(shaped, true)(name)(value), compiler(shaped, false)(name)(value)]).toEqual([
          true,
          true,
          true,
        ]);
      }
    }
  });
});

describe("the patterns that stand for formats", () => {
  const url = new RegExp(whole(HTTP_URL), "u");
  const contractPrefix = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#]+/u;

  it("admits exactly what format uri and the contract's http(s) prefix admit together", () => {
    const piece = fc.constantFrom(
      ..."aZ09:/?#[]@%.-_~!$&'()*+,;=vVfF \u00e9\n",
      "::",
      "%2f",
      "%g1",
      "1.2.3.4",
      "256",
      "[::1]",
      "[v1.x]",
      "::ffff:1.2.3.4",
    );
    const head = fc.constantFrom("http://", "https://", "HTTP://", "hTtPs://", "http:/", "ftp://", "", "https://u@[");
    let admitted = 0;
    fc.assert(
      fc.property(fc.tuple(head, fc.array(piece, { maxLength: 14 })), ([start, rest]) => {
        const value = start + rest.join("");
        if (url.test(value)) admitted++;
        return url.test(value) === (isUri(value) && contractPrefix.test(value));
      }),
      { seed: 2121, numRuns: 100_000 },
    );
    expect(admitted).toBeGreaterThan(5_000);
  });

  it("admits a date exactly when format rfc2822-date admits it with some weekday, and refuses DBTOJ", () => {
    const date = new RegExp(whole(RFC2822_DATE_BUT_WEEKDAY));
    const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const day = fc.oneof(
      fc.integer({ min: 0, max: 32 }).map(String),
      fc.integer({ min: 0, max: 9 }).map((d) => `0${d}`),
    );
    const month = fc.constantFrom("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Sept", "feb");
    const year = fc.oneof(
      fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, "0")),
      fc.constantFrom("1900", "2000", "2024", "2100", "24"),
    );
    const time = fc.constantFrom("00:00:00 +0000", "23:59:60 -0130", "24:00:00 +0000", "12:60:00 +0000", "12:00:00 +0060", "12:00:00 Z");
    fc.assert(
      fc.property(fc.constantFrom(...weekdays), day, month, year, time, (weekday, d, m, y, t) => {
        const rest = `, ${d} ${m} ${y} ${t}`;
        return date.test(weekday + rest) === weekdays.some((other) => isRfc2822Date(other + rest));
      }),
      SETTINGS,
    );
    expect(date.test("DBTOJ")).toBe(false);
  });
});

/** The participant of the first 200 answer example of a per-provider document. */
function answerExample(document: Document): Record<string, unknown> {
  const operation = Object.values(Object.values(document.paths)[0] as object)[0] as {
    responses: { 200: { content: { "application/json": { examples: Record<string, { value: Record<string, unknown> }> } } } };
  };
  return Object.values(operation.responses[200].content["application/json"].examples)[0]!.value;
}

describe("a tool that reads patterns and not formats", () => {
  it.each(PROVIDERS)("$name: refuses an answer dated DBTOJ, which the contract's schema lets through without its format", (provider) => {
    const shaped = read(provider.document);
    const participant = `${schemaPrefix(provider)}Participant`;
    const dated = { ...answerExample(shaped), date_created: "DBTOJ" };
    expect(compiler(shaped, false)(participant)(dated)).toBe(false);
    expect(compiler(bundle, false)(participant)(dated)).toBe(true);
    expect(contract(participant)(dated)).toBe(false);
  });
});
