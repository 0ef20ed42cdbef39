/**
 * What the mock prints at start: its address, the docs address, and a curl command per provider that works
 * as pasted. Only the built-in test credentials are ever printed; credentials a user passed show as
 * placeholders.
 */
import { providerNames, providers } from "../../contract/providers.js";
import { adminPath } from "./admin.js";
import { DEFAULT_CREDENTIALS } from "./defaults.js";
import { mockProviders } from "./providers/index.js";
import { participantUri } from "./routes.js";
import type { MockState } from "./state.js";

/** The credentials as curl sends them, per auth kind. */
const curlAuth = {
  basic: (user: string, secret: string) => `-u "${user}:${secret}"`,
  bearer: (_user: string, secret: string) => `-H "Authorization: Bearer ${secret}"`,
} as const;

export function startBanner(url: string, state: MockState): string {
  const lines = [
    `conference-participants mock API listening on ${url}`,
    `API docs: ${url}/docs/`,
    `OpenAPI document: ${url}/openapi.json`,
    `Admin API: ${url}/__admin/ (journal: ${url}${adminPath("listRequests")})`,
  ];
  for (const provider of providerNames) {
    const example = state.ownedSample(provider);
    if (example === undefined) continue;
    const { pairs, placeholder } = mockProviders[provider].credentials;
    const shown = state.credentials.usesDefaults[provider] ? DEFAULT_CREDENTIALS[pairs[0]!.secret] : placeholder;
    const auth = curlAuth[providers[provider].auth](state.credentials.users[provider] ?? "", shown);
    lines.push(
      "",
      `Try it (${providers[provider].title}):`,
      `  curl -X POST "${url}${participantUri(example.ref)}" ${auth} --data-urlencode "Muted=True"`,
    );
  }
  return lines.join("\n");
}
