/**
 * Options that `createSignalWireClient` or `createTelnyxClient` cannot work with. Not a refused request, so
 * named for what it is; it extends `RequestValidationError`, which earlier versions threw for bad options,
 * so `instanceof RequestValidationError` checks keep working.
 */
import type { Violation } from "../contract/violations.js";
import { RequestValidationError } from "./request-validation-error.js";

export class ClientOptionsError extends RequestValidationError {
  override readonly name: string = "ClientOptionsError";

  constructor(factory: string, violations: readonly Violation[]) {
    super(violations, `${factory} refused its options`);
  }
}
