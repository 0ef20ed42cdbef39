/** The CLI's help texts, one per command. */
import { providerNames } from "../contract/providers.js";

const PROVIDERS = providerNames.join("|");

export const usage = {
  main: `Usage: conference-participants <command> [options]

Commands:
  validate-request   check an update body (form or JSON) against the contract
  validate-response  check a response body (a participant, or an error body) against the contract
  mock               run the contract-enforcing mock API

Run \`conference-participants <command> --help\` for a command's options,
\`conference-participants --version\` for the version.
Exit codes: 0 valid, 1 invalid, 2 usage or I/O error.
`,
  "validate-request": `Usage: conference-participants validate-request --provider ${PROVIDERS} [--json] FILE|-

Checks an update body read from FILE, or from standard input with "-". A body that starts with "{" is
JSON; anything else is an application/x-www-form-urlencoded form (booleans true/false in any case).

Options:
  --provider ${PROVIDERS}   whose contract to check against (required)
  --json                    print the result as JSON: {"ok":true,"value":…} or {"ok":false,"errors":[…]}
  --help                    show this help
Exit codes: 0 valid, 1 invalid, 2 usage or I/O error.
`,
  "validate-response": `Usage: conference-participants validate-response --provider ${PROVIDERS} [--strict] [--status CODE] [--json] FILE|-

Checks a JSON response body read from FILE, or from standard input with "-". Without --status it is a
participant (a 200 body), unless it is a valid error body.

Options:
  --provider ${PROVIDERS}   whose contract to check against (required)
  --strict                  also reject participant fields the spec does not declare
  --status CODE             the response's HTTP status: 2xx checks a participant, others an error body
  --json                    print the result as JSON
  --help                    show this help
Exit codes: 0 valid, 1 invalid, 2 usage or I/O error.
`,
  mock: `Usage: conference-participants mock [options]

Runs the mock API: both providers' update endpoint, enforcing the contract, with state.

Options:
  --port N                  port to listen on (default 4010; 0 picks a free one)
  --host HOST               address to listen on (default 127.0.0.1)
  --project-id ID           SignalWire project id (default: the built-in test project)
  --api-token TOKEN         SignalWire API token (default: the built-in test token)
  --telnyx-api-key KEY      Telnyx API key (default: the built-in test key)
  --fixtures FILE           accounts, conferences and participants to start with (JSON; see the README)
  --fault JSON              a fault for the next matching updates, as POST /__admin/faults takes it
                            (repeatable), e.g. --fault '{"provider":"telnyx","status":503,"times":2}'
  --help                    show this help
Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
`,
} as const;

export type CommandName = Exclude<keyof typeof usage, "main">;
