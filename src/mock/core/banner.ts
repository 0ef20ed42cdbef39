/**
 * What the mock prints at start: its address, the docs address, and a curl command per provider that works
 * as pasted. Only the built-in test credentials are ever printed; credentials a user passed show as
 * placeholders.
 */
import { providerNames, providers, type Provider } from "../contract/providers.js";
import type { Credentials } from "./auth.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";
import type { SeededParticipant } from "./fixtures.js";
import { participantUri } from "./routes.js";
import { adminPath } from "./admin.js";

/** The credentials as curl sends them, per auth kind: the defaults, or placeholders. */
const curlAuth = {
  basic: (projectId: string, defaults: boolean) =>
    defaults ? `-u "${projectId}:${DEFAULT_CREDENTIALS.apiToken}"` : `-u "${projectId}:<your API token>"`,
  bearer: (_projectId: string, defaults: boolean) =>
    `-H "Authorization: Bearer ${defaults ? DEFAULT_CREDENTIALS.telnyxApiKey : "<your API key>"}"`,
} as const;

export function startBanner(url: string, credentials: Credentials, owned: (provider: Provider) => SeededParticipant | undefined): string {
  const lines = [
    `conference-participants mock API listening on ${url}`,
    `API docs: ${url}/docs/`,
    `OpenAPI document: ${url}/openapi.json`,
    `Admin API: ${url}/__admin/ (journal: ${url}${adminPath("listRequests")})`,
  ];
  for (const provider of providerNames) {
    const example = owned(provider);
    if (example === undefined) continue;
    const path = participantUri(provider, {
      account: example.account,
      conference: example.conference,
      call: String(example.participant.call_sid),
    });
    const auth = curlAuth[providers[provider].auth](credentials.projectId, credentials.usesDefaults[provider]);
    lines.push("", `Try it (${providers[provider].title}):`, `  curl -X POST "${url}${path}" ${auth} --data-urlencode "Muted=True"`);
  }
  return lines.join("\n");
}
