/**
 * `format: uri` is checked by the package's own pattern, not ajv-formats at run time: it must decide exactly
 * as ajv-formats did, so the contract's meaning does not move.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUri, URI_PATTERN } from "../src/contract/formats.js";

const ajvFormatsFile = createRequire(import.meta.url).resolve("ajv-formats/dist/formats.js");
const ajvUri = fullFormats.uri as (value: string) => boolean;

describe("format: uri", () => {
  it("is ajv-formats' pattern, character for character", () => {
    const match = /^const URI = \/(.*)\/i;$/m.exec(readFileSync(ajvFormatsFile, "utf8"));
    expect(match, "ajv-formats no longer declares its URI pattern as before").not.toBeNull();
    expect(URI_PATTERN.source).toBe(new RegExp(match![1]!, "i").source);
    expect(URI_PATTERN.flags).toBe("i");
  });

  it.each([
    ["https://example.com/hold.mp3", true],
    ["http://[::1]:8080/a?b=c#d", true],
    ["urn:isbn:0451450523", true],
    ["mailto:someone@example.com", true],
    ["/relative/path", false],
    ["example.com/hold.mp3", false],
    ["https://exa mple.com", false],
    ["", false],
  ])("decides %j as ajv-formats does (%s)", (value, expected) => {
    expect(isUri(value)).toBe(expected);
    expect(ajvUri(value)).toBe(expected);
  });

  it("agrees with ajv-formats on generated URLs and strings", () => {
    const candidates = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.webPath());
    fc.assert(
      fc.property(candidates, (value) => isUri(value) === ajvUri(value)),
      { numRuns: 500 },
    );
  });
});
