/** The CLI's help texts, one per command, each option table aligned to its longest option. */
import { providerNames } from "../contract/providers.js";
import { CREDENTIAL_FLAGS } from "./mock-command.js";

const PROVIDERS = providerNames.join("|");
const EXIT_CODES = "Exit codes: 0 valid, 1 invalid, 2 usage or I/O error.";

/** Options as aligned lines: each option, then its description (continued lines indented to match). */
function optionTable(rows: readonly (readonly [option: string, ...description: string[]])[]): string {
  const width = Math.max(...rows.map(([option]) => option.length)) + 2;
  return rows
    .flatMap(([option, first = "", ...rest]) => [
      `  ${option.padEnd(width)}${first}`,
      ...rest.map((line) => `  ${" ".repeat(width)}${line}`),
    ])
    .join("\n");
}

/** The one-line usage of the CLI and of each command, also printed after a wrong invocation of it. */
export const synopsis = {
  main: "conference-participants <command> [options]",
  "validate-request": `conference-participants validate-request --provider ${PROVIDERS} [--json] FILE|-`,
  "validate-response": `conference-participants validate-response --provider ${PROVIDERS} [--strict] [--status CODE] [--json] FILE|-`,
  mock: "conference-participants mock [--port N] [--host HOST] [--allow-host NAME] [--fixtures FILE] [--fault JSON] [--quiet] [credential options]",
} as const;

export const usage = {
  main: `Usage: ${synopsis.main}

Commands:
${optionTable([
  ["validate-request", "check an update body (form or JSON) against the contract"],
  ["validate-response", "check a response body (a participant, or an error body) against the contract"],
  ["mock", "run the contract-enforcing mock API"],
])}

Run \`conference-participants <command> --help\` for a command's options,
\`conference-participants --version\` for the version.
${EXIT_CODES}
`,
  "validate-request": `Usage: ${synopsis["validate-request"]}

Checks an update body read from FILE, or from standard input with "-". A body that starts with "{" is
JSON; anything else is an application/x-www-form-urlencoded form (booleans true/false in any case).

Options:
${optionTable([
  [`--provider ${PROVIDERS}`, "whose contract to check against (required)"],
  ["--json", 'print the result as JSON: {"ok":true,"value":…} or {"ok":false,"errors":[…]}'],
  ["-h, --help", "show this help"],
])}
${EXIT_CODES}
`,
  "validate-response": `Usage: ${synopsis["validate-response"]}

Checks a JSON response body read from FILE, or from standard input with "-". Without --status it is a
participant (a 200 body), unless it is a valid error body.

Options:
${optionTable([
  [`--provider ${PROVIDERS}`, "whose contract to check against (required)"],
  ["--strict", "also reject participant fields the spec does not declare"],
  ["--status CODE", "the response's HTTP status: 2xx checks a participant, others an error body"],
  ["--json", "print the result as JSON"],
  ["-h, --help", "show this help"],
])}
${EXIT_CODES}
`,
  mock: `Usage: ${synopsis.mock}

Runs the mock API: every provider's update endpoint, enforcing the contract, with state.

Options:
${optionTable([
  ["--port N", "port to listen on (default 4010; 0 picks a free one)"],
  ["--host HOST", "address to listen on (default 127.0.0.1; another one is reachable from the network)"],
  ["--allow-host NAME", "a Host name to answer on beside loopback ones (repeatable); any other Host gets 403"],
  ["--fixtures FILE", "accounts, conferences and participants to start with (JSON; see the README)"],
  [
    "--fault JSON",
    "a fault for the next matching updates, as POST /__admin/faults takes it (repeatable),",
    `e.g. --fault '{"provider":"telnyx","status":503,"times":2}'`,
  ],
  ["--quiet", "print no line per request (the start banner still prints)"],
  ...CREDENTIAL_FLAGS.map(({ flag, description }) => [`--${flag} VALUE`, description] as const),
  ["-h, --help", "show this help"],
])}
Each credential left out is the built-in test one, which the mock prints at start.
Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
`,
} as const;

export type CommandName = Exclude<keyof typeof usage, "main">;
