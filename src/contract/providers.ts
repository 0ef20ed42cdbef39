/**
 * The table of what differs between providers as the spec says it: each provider's operation, title, path,
 * server, auth kind, content types, schemas and request field types, read from the spec
 * (generated/operations.ts, generated/types.ts). Code looks provider facts up here, never re-types them.
 *
 * What the spec cannot say lives in one file per provider, `mock/core/providers/` (how it codes and words an
 * error, a fresh participant, the other paths it is called on, its hosts, seeds and credentials' options), and
 * in its factory in `client/index.ts`; tables keyed by auth kind say how each reads and writes the
 * Authorization header (`mock/core/auth.ts`, `client/authorization.ts`) and how curl sends it (`mock/core/banner.ts`).
 */
import { operations as specOperations } from "../../generated/operations.js";
import type { operations } from "../../generated/types.js";

export const providers = {
  signalwire: { operationId: "updateSignalWireParticipant", ...specOperations.updateSignalWireParticipant },
  telnyx: { operationId: "updateTelnyxParticipant", ...specOperations.updateTelnyxParticipant },
  twilio: { operationId: "updateTwilioParticipant", ...specOperations.updateTwilioParticipant },
} as const;

export type Provider = keyof typeof providers;
export type ProviderOperation = (typeof providers)[Provider];
export const providerNames = Object.keys(providers) as Provider[];

type OperationOf<P extends Provider> = operations[(typeof providers)[P]["operationId"]];
type JsonContent<R> = R extends { content: { "application/json": infer C } } ? C : never;
type Responses<P extends Provider> = OperationOf<P>["responses"];

/** The update body a provider takes (its form fields, PascalCase). */
export type UpdateRequest<P extends Provider> = NonNullable<OperationOf<P>["requestBody"]>["content"]["application/x-www-form-urlencoded"];
/** The participant a provider answers with (snake_case JSON). */
export type Participant<P extends Provider> = JsonContent<Responses<P>[200]>;
/** A provider's error body. */
export type ErrorBody<P extends Provider> = JsonContent<Responses<P>[Exclude<keyof Responses<P>, 200>]>;

export function isProvider(value: unknown): value is Provider {
  return typeof value === "string" && Object.hasOwn(providers, value);
}
