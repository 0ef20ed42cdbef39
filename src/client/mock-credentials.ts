/**
 * The mock's test credentials are for the mock: a call made with them and no `baseUrl` or `serverUrl` would
 * send them to the provider's own server, where they open nothing and only hide the forgotten address. Such a
 * call is refused before anything is sent. The check is made when the call is sent, not when the client is
 * made, so the one case where the provider's own host is right works: MSW's handlers
 * (`conference-participants/msw`) answering in-process on the providers' hosts, whose interception is set up
 * when the test starts, often after the client was made.
 */
import { DEFAULT_CREDENTIALS } from "../mock/core/defaults.js";
import { ClientOptionsError } from "../errors/client-options-error.js";
import type { Credentials } from "./authorization.js";

const MOCK_VALUES: ReadonlySet<string> = new Set(Object.values(DEFAULT_CREDENTIALS));

/**
 * Whether the client's secret (the API token, key, Auth Token or key secret) is one of the mock's test
 * credentials. The user alone is not enough: SignalWire's test Project ID is also the seeds' account id.
 */
export function isMockCredentials({ secret }: Credentials): boolean {
  return MOCK_VALUES.has(secret);
}

/**
 * Whether MSW intercepts this process's requests right now. msw 2 (@mswjs/interceptors 0.41) keeps its applied
 * fetch interceptor on `globalThis` under a registered symbol, and deletes it when disposed; msw 3
 * (@mswjs/interceptors 0.45) keeps its interceptors in a registry on `globalThis`, where Node's HTTP source,
 * which its fetch interceptor applies, reads "ACTIVE" while `setupServer` listens. MSW's browser build leaves
 * no such mark (a service worker): there the caller sets `baseUrl` to the provider's origin to say the
 * provider's own host is meant.
 */
function fetchIntercepted(): boolean {
  const global = globalThis as Record<PropertyKey, unknown>;
  if (global[Symbol.for("fetch-interceptor")] !== undefined) return true;
  const registry = global.__MSW_INTERCEPTORS_REGISTRY;
  if (!(registry instanceof Map)) return false;
  const source = registry.get(Symbol.for("node-http-request-source")) as { readyState?: unknown } | undefined;
  return source?.readyState === "ACTIVE";
}

/** A send that refuses, before anything is sent, unless the global fetch is intercepted in-process. */
export function refusingMockCredentials<Send extends (...args: never[]) => Promise<Response>>(send: Send, factory: string): Send {
  return ((...args: Parameters<Send>) => {
    if (!fetchIntercepted()) {
      const message = "is required: these are the mock's test credentials; set baseUrl to the mock's address (or serverUrl)";
      throw new ClientOptionsError(factory, [
        { code: "required", path: "baseUrl", message, expected: "the mock's address, such as http://127.0.0.1:4010" },
      ]);
    }
    return send(...args);
  }) as Send;
}
