/** Property tests (fast-check, bounded and seeded): the validators never throw, whatever they are given. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateErrorBody, validateParticipant, validateUpdateRequest } from "../src/index.js";
import { providerNames, providers } from "../src/contract/providers.js";

const SETTINGS = { numRuns: 400, seed: 4242 };
const keys = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "errors",
    "Muted",
    "muted",
    "uri",
    ...Object.keys(providers.telnyx.requestFields),
  ),
);
const values = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.anything(),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(keys, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** Throws if a result is not `{ok: true, value}` or `{ok: false, errors: [{path, message}, …]}`. */
function expectResult(result: unknown) {
  const r = result as { ok: boolean; errors?: { path: unknown; message: unknown }[] };
  if (r.ok) return;
  expect(r.errors!.length).toBeGreaterThan(0);
  for (const e of r.errors!) expect([typeof e.path, typeof e.message]).toEqual(["string", "string"]);
}

describe.each(providerNames)("%s validators", (provider) => {
  it("never throw on arbitrary strings as form bodies", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (body) => expectResult(validateUpdateRequest(provider, body))),
      SETTINGS,
    );
  });

  it("never throw on form-like strings with percent-escapes and repeated keys", () => {
    const pair = fc
      .tuple(keys, fc.oneof(fc.string(), fc.constantFrom("%", "%zz", "%E0%A4%A", "True", "false")))
      .map(([k, v]) => `${k}=${v}`);
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => expectResult(validateUpdateRequest(provider, pairs.join("&")))),
      SETTINGS,
    );
  });

  it("never throw on arbitrary objects and nesting", () => {
    fc.assert(
      fc.property(values, (value) => {
        expectResult(validateUpdateRequest(provider, value as Record<string, unknown>));
        expectResult(validateParticipant(provider, value));
        expectResult(validateParticipant(provider, value, { strict: true }));
        expectResult(validateErrorBody(provider, value));
      }),
      SETTINGS,
    );
  });

  it("never throw on deep nesting", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (depth) => {
        let nested: unknown = {};
        for (let i = 0; i < depth; i++) nested = i % 2 === 0 ? { errors: [nested] } : { Muted: nested, detail: nested };
        expectResult(validateParticipant(provider, nested));
        expectResult(validateErrorBody(provider, nested));
        expectResult(validateUpdateRequest(provider, nested as Record<string, unknown>));
      }),
      { numRuns: 30, seed: 4242 },
    );
  });
});
