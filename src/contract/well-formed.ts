/**
 * Text fields that are not well-formed Unicode: a lone surrogate (`"\uD800"`) in a string field of a body. No
 * UTF-8 body can carry one, so a client would send U+FFFD in its place and the provider would act on another
 * value than the one given; the contract refuses it as `invalid_encoding`, for every provider.
 */
import { describeValue } from "./describe-value.js";
import type { Violation } from "./violations.js";

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2022 library types do not declare it). */
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Whether every string field of `body` is well-formed: the check a valid body pays (a loop, no allocation). */
export function hasWellFormedFields(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return true;
  const fields = body as Record<string, unknown>;
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (typeof value === "string" && !isWellFormed(value)) return false;
  }
  return true;
}

/** An `invalid_encoding` violation for each string field of `body` that holds a lone surrogate. */
export function illFormedFields(body: unknown): Violation[] {
  if (hasWellFormedFields(body)) return [];
  return Object.entries(body as Record<string, unknown>).flatMap(([path, value]) =>
    typeof value === "string" && !isWellFormed(value)
      ? [
          {
            code: "invalid_encoding" as const,
            path,
            message: "must be well-formed Unicode (it has a lone surrogate)",
            expected: "well-formed Unicode text",
            received: describeValue(value),
          },
        ]
      : [],
  );
}
