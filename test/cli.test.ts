import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synopsis } from "../src/cli/usage.js";
import { runCliInProcess as cli } from "./helpers/cli.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", "cli", name);
const root = join(import.meta.dirname, "..");

describe("validate-request", () => {
  it.each([
    [
      "a valid form (capitalised booleans, empty CallSidToCoach)",
      ["--provider", "signalwire", fixture("barge.form")],
      0,
      "valid signalwire update request (form)",
    ],
    ["a valid JSON body", ["--provider", "telnyx", fixture("mute.json")], 0, "valid telnyx update request (JSON)"],
    ["an invalid form", ["--provider", "telnyx", fixture("invalid.form")], 1, 'Muted: must be true or false (received "yes")'],
    [
      "an unknown field",
      ["--provider", "telnyx", fixture("invalid.form")],
      1,
      "HoldURL: is not a field of this body; did you mean HoldUrl?",
    ],
  ])("%s", async (_name, args, code, output) => {
    const result = await cli(["validate-request", ...args]);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(output);
  });

  it("prints JSON with --json", async () => {
    const result = await cli(["validate-request", "--provider", "signalwire", "--json", "-"], "Muted=maybe");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, errors: [expect.objectContaining({ path: "Muted", received: '"maybe"' })] });
  });

  it("reports invalid JSON as an invalid body", async () => {
    const result = await cli(["validate-request", "--provider", "telnyx", "-"], '{"Muted": tru');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("body: is not valid JSON");
  });
});

describe("validate-response", () => {
  it.each([
    ["a participant with an extra field", ["--provider", "signalwire"], 0, "valid signalwire participant"],
    ["the same, strictly", ["--provider", "signalwire", "--strict"], 1, "hold_url: is not a field"],
    ["the same as Telnyx's", ["--provider", "telnyx", "--strict"], 1, "start_conference_on_enter: is not a field"],
  ])("%s", async (_name, args, code, output) => {
    const result = await cli(["validate-response", ...args, fixture("participant.json")]);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(output);
  });

  it.each([
    ["an error body, detected", ["--provider", "telnyx"], '{"errors":[{"detail":"Resource not found"}]}', 0, "valid telnyx error body"],
    ["an error body with --status", ["--provider", "signalwire", "--status", "404"], '{"code":20404}', 1, "message: is required"],
    ["not a participant", ["--provider", "signalwire"], '{"muted":"no"}', 1, "pass --status to check an error body"],
  ])("%s", async (_name, args, stdin, code, output) => {
    const result = await cli(["validate-response", ...args, "-"], stdin);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(output);
  });
});

describe("usage", () => {
  it.each([
    [[], "Usage: conference-participants <command>"],
    [["nope"], 'unknown command "nope"'],
    [["validate-request", "x.form"], "--provider is required"],
    [["validate-request", "--provider", "plivo", "x.form"], '--provider must be one of signalwire, telnyx, twilio, not "plivo"'],
    [["validate-request", "--provider", "telnyx"], "give a FILE, or - for standard input"],
    [["validate-request", "--provider", "telnyx", "--bogus", "-"], "unknown option --bogus"],
    [["validate-response", "--provider", "telnyx", fixture("missing.json")], "cannot read"],
    [["validate-response", "--provider", "telnyx", "--status", "abc", "-"], "--status must be an HTTP status"],
    [["mock", "--port", "99999"], "--port must be a number from 0 to 65535"],
    [["mock", "--fixtures", fixture("missing.json")], "cannot read fixtures file"],
    [["mock", "--port", "0", "--fault", '{"status":418}'], ": not a fault: status: must be one of 429, 500, 503"],
    [["mock", "--port", "0", "--fault", "{"], ": not a JSON object: body: is not valid JSON"],
  ])("exits 2 for %j", async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each(["validate-request", "validate-response", "mock"])("takes -h for --help on %s, as the CLI itself does", async (command) => {
    const result = await cli([command, "-h"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await cli([command, "--help"])).stdout);
  });

  it.each(["validate-request", "validate-response", "mock"])("prints help for %s", async (command) => {
    const result = await cli([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: conference-participants ${command}`);
  });
});

describe("a wrong invocation: one line saying what is wrong, the usage line, where the help is", () => {
  it("an unknown option gets a 'did you mean', the command's one usage line and a pointer to --help, not the help", async () => {
    const result = await cli(["validate-request", "--provder", "telnyx", "-"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "conference-participants validate-request: unknown option --provder; did you mean --provider?",
        "Usage: conference-participants validate-request --provider signalwire|telnyx|twilio [--json] FILE|-",
        "Run `conference-participants validate-request --help` for its options.",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["validate-response", "--provider", "telnyx", "--stric", "-"], "unknown option --stric; did you mean --strict?"],
    [["validate-response", "--Status", "404", "-"], "unknown option --Status; did you mean --status?"],
    [["mock", "--prot", "0"], "unknown option --prot; did you mean --port?"],
    [["mock", "--twilio-auth-tokn", "x"], "unknown option --twilio-auth-tokn; did you mean --twilio-auth-token?"],
    [["mock", "--fixture", "x.json"], "unknown option --fixture; did you mean --fixtures?"],
    [["validate-request", "--bogus", "-"], "unknown option --bogus"],
    [["validate-request", "-p", "telnyx", "-"], "unknown option -p"],
    [["validate-request", "-provider", "telnyx", "-"], "unknown option -provider; did you mean --provider?"],
    [["validate-request", "--provder=telnyx", "-"], "unknown option --provder; did you mean --provider?"],
    [["validate-request", "--provider"], "option --provider needs a value"],
    [["mock", "--fault"], "option --fault needs a value"],
    [["validate-request", "--json=yes", "--provider", "telnyx", "-"], 'option --json is a flag and takes no value (given "yes")'],
    [["validate-response", "--strict=", "--provider", "telnyx", "-"], 'option --strict is a flag and takes no value (given "")'],
    [
      ["validate-request", "--provider", "--json", "-"],
      "option --provider needs a value; --json is an option (write --provider=--json if it is the value)",
    ],
    [["validate-request", "x.form"], "--provider is required (one of signalwire, telnyx, twilio)"],
    [["validate-request", "--provider", "telnyx", "a", "b"], "give exactly one FILE, not 2"],
    [["mock", "extra"], 'mock takes no arguments, got "extra"'],
  ] as const)("%j", async (args, line) => {
    const result = await cli([...args]);
    const command = args[0];
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `conference-participants ${command}: ${line}\nUsage: ${synopsis[command]}\nRun \`conference-participants ${command} --help\` for its options.\n`,
    );
  });

  it.each([
    [["validate-reqest"], 'unknown command "validate-reqest"; did you mean validate-request?'],
    [["validate-responses", "-"], 'unknown command "validate-responses"; did you mean validate-response?'],
    [["mok"], 'unknown command "mok"; did you mean mock?'],
    [["Mock"], 'unknown command "Mock"; did you mean mock?'],
    [["serve"], 'unknown command "serve"'],
    [[""], 'unknown command ""'],
    [["--verison"], "unknown option --verison; did you mean --version?"],
    [["--bogus"], "unknown option --bogus"],
  ])("%j", async (args, line) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `conference-participants: ${line}\nUsage: conference-participants <command> [options]\nRun \`conference-participants --help\` for the commands.\n`,
    );
  });
});

describe("--help", () => {
  /** Where each row of a help's table starts its description, and where each continued line starts. */
  function descriptionColumns(help: string): number[] {
    return help.split("\n").flatMap((line) => {
      const row = /^ {2}\S+(?: \S+)* {2,}(?=\S)/.exec(line);
      if (row !== null) return [row[0].length];
      const continued = /^ {3,}(?=\S)/.exec(line);
      return continued === null ? [] : [continued[0].length];
    });
  }

  it.each([
    ["the commands", ["--help"], 3],
    ["validate-request", ["validate-request", "--help"], 3],
    ["validate-response", ["validate-response", "--help"], 5],
    ["mock", ["mock", "--help"], 15],
  ])("%s: every description starts in the same column, two spaces past the longest option", async (_name, args, lines) => {
    const result = await cli(args);
    expect(result.code).toBe(0);
    const columns = descriptionColumns(result.stdout);
    expect(columns).toHaveLength(lines);
    expect(new Set(columns).size).toBe(1);
    const rows = result.stdout.split("\n").filter((line) => /^ {2}\S/.test(line));
    const longest = Math.max(
      ...rows.map(
        (line) =>
          line
            .trim()
            .slice(0, columns[0]! - 2)
            .trimEnd().length,
      ),
    );
    expect(columns[0]).toBe(2 + longest + 2);
  });
});

describe("--version", () => {
  it.each(["--version", "-v"])("%s prints the package's name and version from package.json", async (flag) => {
    const { name, version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
    const result = await cli([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name} ${version}\n`);
    expect(result.stderr).toBe("");
  });
});

describe("the mock's address", () => {
  it("an address that is not this machine's is one line with what to try", async () => {
    const result = await cli(["mock", "--port", "0", "--host", "192.0.2.1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "conference-participants mock: cannot listen on 192.0.2.1:0: the address is not one of this machine's (EADDRNOTAVAIL); try --host 127.0.0.1\n",
    );
  });
});
