/** The client's public types: its options, a call's parameters and result, and the client itself. */
import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/types.js";
import type { ErrorBody, Participant, Provider, UpdateRequest } from "../contract/providers.js";

/** Options every client takes. */
export interface ClientOptions {
  /**
   * An origin such as `http://127.0.0.1:4010` that replaces the provider's scheme and host; the provider's
   * path (`/api/laml/2010-04-01/…`, `/v2/texml/…`) stays. Plain `http` only to a loopback host. The mock's
   * test credentials are sent only with this or `serverUrl` set.
   */
  baseUrl?: string;
  /**
   * A whole server URL that replaces the spec's (`https://api.telnyx.com/v2`), path included, as openapi-fetch's
   * `baseUrl` and the providers' SDKs' `baseURL` do: the operation's path (`/texml/…`) is added to it.
   * `serverUrl: mock.url + "/v2"` is Telnyx's `baseUrl: mock.url`. Not with `baseUrl`.
   */
  serverUrl?: string;
  /** A fetch to send requests with (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * A call not fully answered, body included, within this many milliseconds rejects with a `TimeoutError`.
   * Default 30 000 (`CLIENT_DEFAULTS.timeoutMs`); `0` for no limit.
   */
  timeoutMs?: number;
  /** Check every 2xx body against the contract; one that breaks it rejects with a `ResponseValidationError`. */
  validateResponses?: boolean;
  /**
   * Read at most this many bytes of a response's body, counted as decoded (default 4 MiB; real answers are
   * under 1 KiB). A longer one, or a compressed one that decodes to more, is cancelled there and rejects with a
   * `ResponseTooLargeError`.
   */
  maxResponseBytes?: number;
}

export interface SignalWireClientOptions extends ClientOptions {
  /** The Space: `example` for `https://example.signalwire.com`. */
  space: string;
  projectId: string;
  apiToken: string;
}

export interface TelnyxClientOptions extends ClientOptions {
  apiKey: string;
  accountSid: string;
}

/** Twilio: the account, and one of its two Basic credentials: its Auth Token, or an API key (`SK…`) with its secret. */
export type TwilioClientOptions = ClientOptions & { accountSid: string } & (
    | { authToken: string; apiKey?: never; apiSecret?: never }
    | { apiKey: string; apiSecret: string; authToken?: never }
  );

export interface UpdateParticipantParams<P extends Provider> {
  /** Default: the client's account (SignalWire: the Project ID; Twilio: the Account SID). */
  accountSid?: string;
  conferenceSid: string;
  callSid: string;
  /** The fields to change, as the spec names them. Left out: an empty update. */
  body?: UpdateRequest<P>;
  signal?: AbortSignal;
}

/**
 * openapi-fetch's result. `data` is the participant (2xx). `error` is set whenever `response.ok` is false:
 * the provider's error body, or the body's text when it is not JSON (`""` when empty).
 */
export type UpdateParticipantResult<P extends Provider> =
  | { data: Participant<P>; error?: never; response: Response }
  | { data?: never; error: ErrorBody<P> | string; response: Response };

export interface ParticipantClient<P extends Provider> {
  /** Refuses, before any I/O, an update the contract forbids (`RequestValidationError`). */
  updateParticipant(params: UpdateParticipantParams<P>): Promise<UpdateParticipantResult<P>>;
  /**
   * The underlying openapi-fetch client, typed with the spec's `paths`: same server, credentials and form
   * encoding, but no checks of its own.
   */
  readonly fetchClient: Client<paths>;
}
export type SignalWireClient = ParticipantClient<"signalwire">;
export type TelnyxClient = ParticipantClient<"telnyx">;
export type TwilioClient = ParticipantClient<"twilio">;
