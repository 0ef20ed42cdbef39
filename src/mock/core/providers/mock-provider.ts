/**
 * What the mock needs to know of a provider beyond what the spec says (the spec's facts, its path, server,
 * auth kind and schemas, come from `src/contract/providers.ts`). One file per provider holds these tables;
 * adding a provider is its operation in the spec, one such file, its seeded ids and its credentials' options.
 */
import type { CredentialOptions } from "../defaults.js";
import type { FailureReason, MockFailure } from "../failures.js";
import type { ParticipantRef } from "../participant-ref.js";

/** One failure as a provider answers it: the HTTP status, its error code, and (Telnyx) the code's title. */
export interface ErrorAnswer {
  status: number;
  code?: number | string;
  title?: string;
  /** The provider's own wording, where it publishes one. */
  detail?: string;
}

export type ParticipantJson = Readonly<Record<string, unknown>>;

export interface MockProvider {
  /** The status and code the provider answers each failure with (the spec's decisions say where each comes from). */
  readonly errors: Readonly<Record<FailureReason, ErrorAnswer>>;
  /** The provider's error body for a failure. */
  errorBody(failure: MockFailure, answer: ErrorAnswer): unknown;
  /** What a participant that has just joined has beside the fields every provider shares. */
  fresh(ref: ParticipantRef): Record<string, unknown>;
  /** The `status` of a participant whose call has left the conference, or whose conference has ended. */
  readonly completedStatus: string;
  /** The participant with its coached call set, or cleared with `null`. */
  coaching(participant: ParticipantJson, call: string | null): Record<string, unknown>;
  /** Further forms of the documented path the provider (or its SDKs) also call, each made from the documented one. */
  readonly pathForms: readonly ((documented: string) => string)[];
  /** The origins MSW's handlers answer on for this provider (`https://*.signalwire.com`). */
  readonly hosts: readonly string[];
  /**
   * The ids the default fixture seeds: an account (replaced by the credentials' account where they name one),
   * one conference and its participants: each a call id, and a label where it has one.
   */
  readonly seed: {
    readonly account: string;
    readonly conference: string;
    readonly participants: readonly { readonly call: string; readonly label?: string }[];
  };
  /** Whether the provider's participant shows its `label` (Twilio's); a label names a participant in a path either way. */
  readonly showsLabel: boolean;
  /**
   * The mock's options that hold this provider's credentials: each pair it accepts (an Authorization
   * header's Basic user and secret; a Bearer key is a secret alone), and the account they open: the option
   * that names it (SignalWire's Project ID, Twilio's Account SID), or the first account of the provider's
   * fixtures (a Bearer key names none).
   */
  readonly credentials: {
    readonly pairs: readonly { readonly user?: keyof CredentialOptions; readonly secret: keyof CredentialOptions }[];
    readonly account: keyof CredentialOptions | "firstSeeded";
    /** How the banner shows a secret the user set (only the built-in test credentials are printed). */
    readonly placeholder: string;
  };
}
