/**
 * The `conference-participants` binary as a child process, run from the sources with tsx, as a shell runs it:
 * standard input (piped, oversized, a directory, a file), exit codes, a closed stdout, the mock started and
 * stopped by signal (answering what it received), a port in use, faults from the command line, its request
 * lines. Each test starts a Node process, which is why they are here and not in the in-process CLI tests
 * (cli.test.ts, cli-hostile.test.ts): `npm test` runs them, `npm run test:unit` does not.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../src/node/bounded-read.js";
import { ACCOUNT, SW_CALLS, SW_TOKEN, swPath } from "./fixtures/ids.js";
import { runCliWithStdin, spawnCli, spawnMockCli } from "./helpers/cli.js";
import { basic, send } from "./helpers/http.js";
import { exchange, rawRequest } from "./helpers/raw-socket.js";

const scratch = mkdtempSync(join(tmpdir(), "cli-process-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SW_AUTH = basic(ACCOUNT, SW_TOKEN);
const update = (path: string, body: string) =>
  rawRequest("POST", path, { authorization: SW_AUTH, "content-type": "application/x-www-form-urlencoded" }, body);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe("the binary", () => {
  it("reads stdin and sets the exit code", async () => {
    const binary = spawnCli(["validate-request", "--provider", "signalwire", "-"]);
    binary.child.stdin.end("Muted=True&Beep=true");
    const { code } = await binary.exit;
    expect(code).toBe(1);
    expect(binary.stdout()).toContain("Beep: must be false");
  });

  it.each(["SIGTERM", "SIGINT"] as const)("runs the mock, prints where and how, and stops cleanly on %s", async (signal) => {
    const mock = await spawnMockCli(["--api-token", "user-secret-token"]);
    const { url } = mock;
    const response = await send(url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, "user-secret-token") } });
    expect(response.status).toBe(200);
    expect(await send(url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, SW_TOKEN) } })).toMatchObject({
      status: 401,
    });
    expect(await mock.stop(signal)).toBe(0);
    const output = mock.output();
    expect(output).toContain(`${url}/docs`);
    expect(output).toContain(`Admin API: ${url}/__admin/`);
    expect(output).toContain("<your API token>");
    expect(output).not.toContain("user-secret-token");
    expect(output).toContain(`${signal}: stopping the mock API`);
  });

  it("a port in use is one line with what to try, exit 2, no usage", async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, "127.0.0.1", listening));
    try {
      const { port } = taken.address() as { port: number };
      const binary = spawnCli(["mock", "--port", String(port)]);
      const { code, stderr } = await binary.exit;
      expect(code).toBe(2);
      expect(stderr).toBe(
        `conference-participants mock: cannot listen on 127.0.0.1:${port}: the port is in use (EADDRINUSE); try --port 0\n`,
      );
      expect(binary.stdout()).toBe("");
    } finally {
      await new Promise((closed) => taken.close(closed));
    }
  });

  it("sets faults from --fault at start, for CI runs", async () => {
    const mock = await spawnMockCli(["--fault", '{"provider":"signalwire","status":503,"times":2}']);
    const update = () => send(mock.url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, SW_TOKEN) } });
    expect((await update()).status).toBe(503);
    expect((await update()).status).toBe(503);
    expect((await update()).status).toBe(200);
    expect(await mock.stop()).toBe(0);
  });
});

describe("the mock's request lines and allowed hosts", () => {
  it("prints a line per request, none with --quiet; answers a Host given with --allow-host", async () => {
    const update = (url: string, headers: Record<string, string> = {}) =>
      send(url, { path: swPath(SW_CALLS[0]), headers: { authorization: basic(ACCOUNT, SW_TOKEN), ...headers } });
    const loud = await spawnMockCli();
    expect((await update(loud.url)).status).toBe(200);
    await loud.stop();
    expect(loud.stdout()).toMatch(new RegExp(`POST ${swPath(SW_CALLS[0])} 200 \\(\\d+\\.\\d ms\\)`));
    const quiet = await spawnMockCli(["--quiet", "--allow-host", "mock.test"]);
    expect((await update(quiet.url, { host: "mock.test" })).status).toBe(200);
    expect((await update(quiet.url, { host: "other.test" })).status).toBe(403);
    await quiet.stop();
    expect(quiet.stdout()).not.toContain(`POST ${swPath(SW_CALLS[0])}`);
  });
});

describe("a closed stdout", () => {
  it("validate-request writing to a closed pipe ends quietly with its exit code", async () => {
    const file = join(scratch, "many.form");
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => `Unknown${i}=x`).join("&"));
    const { child, exit } = spawnCli(["validate-request", "--provider", "signalwire", file]);
    child.stdout.destroy();
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });

  it("the mock keeps serving when its banner cannot be written, and stops with 0", async () => {
    const port = await freePort();
    const { child, exit } = spawnCli(["mock", "--port", String(port)]);
    child.stdout.destroy();
    let status = 0;
    for (let i = 0; i < 200 && status === 0; i++) {
      status = await send(`http://127.0.0.1:${port}`, { method: "GET", path: "/__admin/requests" }).then(
        (r) => r.status,
        () => new Promise<number>((done) => setTimeout(() => done(0), 50)),
      );
    }
    expect(status).toBe(200);
    child.kill("SIGTERM");
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("standard input", () => {
  it("standard input over the limit is refused", async () => {
    const { child, exit } = spawnCli(["validate-request", "--provider", "telnyx", "-"]);
    child.stdin.on("error", () => {});
    child.stdin.end(Buffer.alloc(MAX_INPUT_BYTES + 1024, "a"));
    const { code, stderr } = await exit;
    expect(code).toBe(2);
    expect(stderr).toBe(`conference-participants validate-request: cannot read standard input: larger than ${MAX_INPUT_BYTES} bytes\n`);
  });

  it("standard input that is a directory is refused, not read as an empty body", async () => {
    const { code, stdout, stderr } = await runCliWithStdin(["validate-request", "--provider", "telnyx", "-"], scratch);
    expect(stderr).toBe("conference-participants validate-request: cannot read standard input: it is a directory\n");
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });

  it("standard input that is a regular file is read", async () => {
    const file = join(scratch, "stdin.json");
    writeFileSync(file, '{"Muted":true}');
    const { code, stdout } = await runCliWithStdin(["validate-request", "--provider", "telnyx", "-"], file);
    expect(stdout).toBe("valid telnyx update request (JSON)\n");
    expect(code).toBe(0);
  });
});

describe("shutdown answers what was received", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("the CLI's mock on %s answers the requests it received and exits 0", async (signal) => {
    const cli = await spawnMockCli();
    const { url } = cli;
    const count = 6;
    const fault = await send(url, {
      path: "/__admin/faults",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delayMs: 1_000, times: count }),
    });
    expect(fault.status).toBe(201);
    const inFlight = Array.from({ length: count }, () => exchange(url, [update(swPath(SW_CALLS[1]), "Hold=true")]));
    let received = 0;
    for (let i = 0; i < 100 && received < count; i++) {
      await new Promise((done) => setTimeout(done, 20));
      received = ((await send(url, { method: "GET", path: "/__admin/requests" })).json as { requests: unknown[] }).requests.length;
    }
    expect(received).toBe(count);
    const stopped = cli.stop(signal);
    for (const result of await Promise.all(inFlight))
      expect(result.answers.map((a) => [a.status, a.headers.connection])).toEqual([[200, "close"]]);
    expect(await stopped).toBe(0);
  });
});
