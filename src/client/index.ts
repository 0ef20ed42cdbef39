/**
 * The typed client: one factory per provider. Its types come from the spec through openapi-fetch
 * (`Client<paths>`, handed out as `fetchClient`). Each factory checks its provider's own options and hands the
 * rest to `configure`; every client then updates a participant through `updateParticipant`.
 */
import { type Provider, providers } from "../contract/providers.js";
import { ClientOptionsError } from "../errors/client-options-error.js";
import { checkObject, checkPathId, checkSecret, checkSpecId } from "./checks.js";
import { configure, type ProviderSetup } from "./configuration.js";
import type {
  ClientOptions,
  ParticipantClient,
  SignalWireClient,
  SignalWireClientOptions,
  TelnyxClient,
  TelnyxClientOptions,
  TwilioClient,
  TwilioClientOptions,
  UpdateParticipantParams,
} from "./types.js";
import { updateParticipant } from "./update-participant.js";

function createParticipantClient<P extends Provider>(provider: P, options: ClientOptions, setup: ProviderSetup): ParticipantClient<P> {
  const config = configure(provider, options, setup);
  return Object.freeze({
    updateParticipant: (params: UpdateParticipantParams<P>) => updateParticipant(config, params),
    fetchClient: config.fetchClient,
  });
}

function checkedOptions<T>(options: T, factory: string): T {
  const shape = checkObject("options", options, "an object of options");
  if (shape.length > 0) throw new ClientOptionsError(factory, shape);
  return options;
}

/** A client for SignalWire's Compatibility (LaML) API: HTTP Basic with the Project ID and API token. */
export function createSignalWireClient(options: SignalWireClientOptions): SignalWireClient {
  const { space, projectId, apiToken } = checkedOptions(options, "createSignalWireClient");
  return createParticipantClient("signalwire", options, {
    factory: "createSignalWireClient",
    ownOptions: ["space", "projectId", "apiToken"],
    violations: [...checkSecret("projectId", projectId, "user"), ...checkSecret("apiToken", apiToken, "visible")],
    credentials: { user: projectId, secret: apiToken },
    serverVariables: { space },
    accountSid: projectId,
  });
}

/** A client for Telnyx's TeXML API: Bearer with the API key. */
export function createTelnyxClient(options: TelnyxClientOptions): TelnyxClient {
  const { apiKey, accountSid } = checkedOptions(options, "createTelnyxClient");
  return createParticipantClient("telnyx", options, {
    factory: "createTelnyxClient",
    ownOptions: ["apiKey", "accountSid"],
    violations: [...checkSecret("apiKey", apiKey, "visible"), ...checkPathId("accountSid", accountSid)],
    credentials: { secret: apiKey },
    serverVariables: {},
    accountSid,
  });
}

/** Twilio's credentials: the Auth Token, or an API key with its secret (refusing both, or neither). */
function twilioCredentials(options: TwilioClientOptions): Pick<ProviderSetup, "violations" | "credentials"> {
  const { accountSid, authToken, apiKey, apiSecret } = options;
  if (authToken !== undefined && (apiKey !== undefined || apiSecret !== undefined)) {
    const message = "cannot be given with apiKey and apiSecret: pass the Auth Token, or an API key and its secret";
    return {
      violations: [{ code: "invalid_value", path: "authToken", message, expected: "authToken, or apiKey and apiSecret" }],
      credentials: { secret: "" },
    };
  }
  if (authToken !== undefined || apiKey === undefined) {
    return { violations: checkSecret("authToken", authToken, "visible"), credentials: { user: accountSid, secret: authToken ?? "" } };
  }
  const violations = [...checkSecret("apiKey", apiKey, "user"), ...checkSecret("apiSecret", apiSecret, "visible")];
  return { violations, credentials: { user: apiKey, secret: apiSecret ?? "" } };
}

/** A client for Twilio's Programmable Voice API: HTTP Basic with the Account SID and Auth Token, or an API key and its secret. */
export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid } = checkedOptions(options, "createTwilioClient");
  const { violations, credentials } = twilioCredentials(options);
  const accountProblems = checkSecret("accountSid", accountSid, "user");
  const accountParameter = providers.twilio.pathParameters[0];
  return createParticipantClient("twilio", options, {
    factory: "createTwilioClient",
    ownOptions: ["accountSid", "authToken", "apiKey", "apiSecret"],
    violations: [
      ...(accountProblems.length > 0 ? accountProblems : checkSpecId("twilio", accountParameter, "accountSid", accountSid)),
      ...violations,
    ],
    credentials,
    serverVariables: {},
    accountSid,
  });
}
