/**
 * The package as a consumer gets it: `npm pack` (the tarball `npm publish` would upload; `npm test` has
 * built dist/ first, so packing skips the prepack build here), installed into a scratch project from the
 * tarball alone, then used there: imported as ESM, required as CommonJS, type-checked as a `nodenext`, a
 * `bundler` and a `node10` consumer under `strict`, bundled for the browser with esbuild, its
 * `conference-participants mock` serving the docs, and checked by @arethetypeswrong/cli and publint.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProbeOutput, PROBE_FILES, PROBE_VALIDATION, probeInput } from "./helpers/client-probe.js";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  exports: Record<string, string | { require?: { types: string } }>;
  typesVersions: Record<string, Record<string, string[]>>;
};
/** What the package may take on a consumer's disk, its dependencies and the docs included. */
const FOOTPRINT_BUDGET_BYTES = 1_500_000;

const scratch = mkdtempSync(join(tmpdir(), "package-"));
const consumer = join(scratch, "consumer");
let tarball: string;
let packed: { files: { path: string; size: number }[]; size: number; unpackedSize: number; entryCount: number };

function run(command: string, args: string[], cwd = consumer, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
}

/** Total size of the files under `dir`, in bytes (what `du --apparent-size` counts). */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sum + bytesUnder(path);
    return sum + (entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

beforeAll(() => {
  const output = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], root);
  packed = (JSON.parse(output.slice(output.indexOf("["))) as (typeof packed)[])[0]!;
  tarball = join(scratch, `${manifest.name}-${manifest.version}.tgz`);
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball]);
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the tarball", () => {
  it("is built by prepack, so npm pack and npm publish from a clean clone ship code", () => {
    expect(manifest.scripts.prepack).toBe("npm run build");
    expect(manifest.scripts.build).toMatch(/^tsup && tsx scripts\/docs\.ts$/);
  });

  it("holds the built code and types, the spec, the docs, README, LICENSE and CHANGELOG, and nothing else", () => {
    const files = packed.files.map((file) => file.path);
    for (const file of [
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/mock/index.js",
      "dist/mock/index.cjs",
      "dist/msw/index.js",
      "dist/msw/index.cjs",
      "dist/cli/index.js",
      "dist/docs/index.html.gz",
      "dist/docs/docs.js",
      "dist/docs/favicon.svg",
      "generated/openapi.json",
      "generated/signalwire.openapi.json",
      "generated/telnyx.openapi.json",
      "generated/twilio.openapi.json",
      "generated/mock-admin.json",
      "dist/docs/mock-admin.html.gz",
      "openapi/openapi.yaml",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "package.json",
    ]) {
      expect(files).toContain(file);
    }
    // The docs' large files are shipped as their gzip copies only.
    const docs = packed.files.filter((file) => file.path.startsWith("dist/docs/"));
    const compressed = docs.filter((file) => file.path.endsWith(".gz")).map((file) => file.path.slice(0, -".gz".length));
    expect(compressed).toEqual(expect.arrayContaining(["dist/docs/index.html", "dist/docs/mock-admin.html"]));
    // The documents are shipped once, in generated/: the mock serves them beside the docs page too.
    expect(docs.filter((file) => /\.json(\.gz)?$/.test(file.path))).toEqual([]);
    expect(files.filter((file) => compressed.includes(file))).toEqual([]);
    expect(docs.filter((file) => !file.path.endsWith(".gz") && file.size >= 16 * 1024)).toEqual([]);
    expect(files.filter((file) => /^(src|test|scripts|node_modules)\//.test(file) || file.endsWith(".tsbuildinfo"))).toEqual([]);
    // The admin API's document is shipped as generated/mock-admin.json, the one its export names, not twice.
    expect(files).not.toContain("openapi/mock-admin.yaml");
    console.log(`tarball: ${packed.entryCount} files, ${packed.size} bytes (${packed.unpackedSize} unpacked)`);
  });

  it("has README links that resolve to files in the package or to absolute URLs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!.split("#")[0]!).filter((target) => target !== "");
    const relative = targets.filter((target) => !/^https?:\/\//.test(target));
    expect(relative.length).toBeGreaterThan(0);
    const files = packed.files.map((file) => file.path);
    expect(relative.filter((target) => !files.includes(target.replace(/^\.\//, "")))).toEqual([]);
    expect(readme).toContain(`npm install ${manifest.name}`);
  });

  it("passes publint with no message", () => {
    const output = run(bin("publint"), ["run", tarball, "--strict"], scratch);
    expect(output).toContain("All good!");
  });

  it("resolves its types in every resolution mode, node10 included (@arethetypeswrong/cli)", () => {
    // The YAML source is data, not a module: TypeScript resolves no types for it, and none are meant.
    // attw's default profile counts every mode (node10, node16 from CJS and from ESM, bundler) and exits
    // non-zero on a problem in any of them.
    const attw = spawnSync(bin("attw"), [tarball, "--exclude-entrypoints", "./openapi.yaml", "--format", "json"], {
      cwd: scratch,
      encoding: "utf8",
      timeout: 120_000,
    });
    const report = JSON.parse(attw.stdout) as {
      problems: Record<string, unknown[]>;
      analysis: { entrypoints: Record<string, unknown> };
    };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(
      expect.arrayContaining([
        ".",
        "./mock",
        "./msw",
        "./openapi.json",
        "./signalwire.openapi.json",
        "./telnyx.openapi.json",
        "./twilio.openapi.json",
        "./mock-admin.json",
      ]),
    );
    expect(Object.values(report.problems).flat()).toEqual([]);
    expect(attw.status).toBe(0);
  });

  it("maps each subpath for node10 consumers (typesVersions) to the file its CommonJS export declares", () => {
    // node10 predates `exports`: TypeScript finds a subpath's types there through typesVersions only.
    const { exports, typesVersions } = manifest;
    const mapped = typesVersions["*"]!;
    const expected = Object.entries(exports)
      .filter(([subpath]) => subpath !== "." && subpath !== "./package.json" && subpath !== "./openapi.yaml")
      .map(([subpath, target]) => [subpath.slice(2), [typeof target === "string" ? target : target.require!.types]]);
    expect(Object.entries(mapped)).toEqual(expected);
  });
});

describe("installed from the tarball alone", () => {
  it(`brings only its runtime dependencies, within ${FOOTPRINT_BUDGET_BYTES} bytes`, () => {
    const modules = join(consumer, "node_modules");
    const installed = readdirSync(modules).filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual([manifest.name, ...Object.keys(manifest.dependencies), "openapi-typescript-helpers"].sort());
    const bytes = bytesUnder(modules);
    console.log(`installed footprint: ${bytes} bytes in node_modules`);
    expect(bytes).toBeLessThan(FOOTPRINT_BUDGET_BYTES);
  });

  it("runs the client and the validators against its mock, imported as ESM", async () => {
    const mock = startInstalledMock();
    try {
      const url = await listeningUrl(mock);
      for (const file of [PROBE_FILES.probe, PROBE_FILES.script]) copyFileSync(file, join(consumer, basename(file)));
      const output = run(process.execPath, [basename(PROBE_FILES.script)], consumer, { PROBE: probeInput(url) });
      expectProbeOutput(JSON.parse(output), "node");
    } finally {
      await stop(mock);
    }
  });

  it("is required as CommonJS, the root and ./mock alike (its mock serving the docs)", () => {
    const script = `
      const root = require("${manifest.name}");
      const { startMockServer } = require("${manifest.name}/mock");
      (async () => {
        const mock = await startMockServer({ port: 0, log: false });
        const docs = await fetch(mock.url + "/docs/");
        await mock.close();
        console.log(JSON.stringify({
          resolved: [require.resolve("${manifest.name}"), require.resolve("${manifest.name}/mock")].map((p) => p.split("node_modules/")[1]),
          validation: root.validateUpdateRequest("signalwire", { HoldMethod: "PUT" }),
          docs: docs.status,
        }));
      })();`;
    const output = JSON.parse(run(process.execPath, ["-e", script]));
    expect(output.resolved).toEqual([`${manifest.name}/dist/index.cjs`, `${manifest.name}/dist/mock/index.cjs`]);
    expect(output.validation).toEqual(PROBE_VALIDATION);
    expect(output.docs).toBe(200);
  });

  it("recognises its errors across the ES module and CommonJS copies with isConferenceParticipantsError", async () => {
    const script = `
      import { createRequire } from "node:module";
      import * as esm from "${manifest.name}";
      const cjs = createRequire(import.meta.url)("${manifest.name}");
      const thrownBy = (copy) => {
        try {
          copy.createTelnyxClient({ apiKey: "", accountSid: "" });
        } catch (error) {
          return error;
        }
      };
      const [fromEsm, fromCjs] = [thrownBy(esm), thrownBy(cjs)];
      console.log(JSON.stringify({
        instanceofAcross: fromCjs instanceof esm.ConferenceParticipantsError,
        guards: [esm.isConferenceParticipantsError(fromCjs), cjs.isConferenceParticipantsError(fromEsm), esm.isConferenceParticipantsError(fromEsm)],
        others: [esm.isConferenceParticipantsError(new Error("x")), esm.isConferenceParticipantsError(null), esm.isConferenceParticipantsError({ name: "ClientOptionsError" })],
        name: fromCjs.name,
      }));`;
    const output = JSON.parse(run(process.execPath, ["--input-type=module", "-e", script]));
    expect(output).toEqual({
      instanceofAcross: false,
      guards: [true, true, true],
      others: [false, false, false],
      name: "ClientOptionsError",
    });
  });

  it.each([
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["esm.mts", "cjs.cts"]],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["bundler.ts"]],
    ["node10", { module: "commonjs", moduleResolution: "node10" }, ["node10.ts"]],
  ])("type-checks as a %s consumer under strict", (mode, options, files) => {
    for (const file of files) writeFileSync(join(consumer, file), TYPED_CONSUMER);
    const config = join(consumer, `tsconfig.${mode}.json`);
    const compilerOptions = {
      ...options,
      target: "es2022",
      lib: ["es2022", "dom"],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    };
    writeFileSync(config, JSON.stringify({ compilerOptions, files }));
    expect(() => run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config])).not.toThrow();
  });

  it.each([
    ["the browser", ["--platform=browser"]],
    ["a Cloudflare worker", ["--platform=neutral", "--conditions=workerd,worker"]],
  ])("bundles its root entry for %s with esbuild, with no Node module in it", (_target, flags) => {
    const entry = join(consumer, "root-entry.js");
    writeFileSync(
      entry,
      `import { createTelnyxClient, validateUpdateRequest } from "${manifest.name}";\nglobalThis.probe = { createTelnyxClient, validateUpdateRequest };\n`,
    );
    const bundle = run(bin("esbuild"), [entry, "--bundle", ...flags, "--format=esm", "--log-level=error"]);
    expect(bundle).toContain("createTelnyxClient");
    expect(bundle).not.toMatch(/["']node:|require\(/);
  });

  it("bundles ./msw for the browser with esbuild (msw, the peer, left to the application), with no Node module in it", () => {
    const entry = join(consumer, "msw-entry.js");
    writeFileSync(entry, `import { createMswHandlers } from "${manifest.name}/msw";\nglobalThis.probe = createMswHandlers;\n`);
    const bundle = run(bin("esbuild"), [entry, "--bundle", "--platform=browser", "--format=esm", "--external:msw", "--log-level=error"]);
    expect(bundle).toContain("createMswHandlers");
    expect(bundle).not.toMatch(/["']node:|require\(/);
  });

  it.each([
    ["a browser", ["--platform=browser"], "browser"],
    ["a Cloudflare worker", ["--platform=neutral", "--conditions=workerd,worker"], "worker"],
  ])("keeps the mock out of %s bundle: ./mock is not exported to it", (_target, flags, condition) => {
    const entry = join(consumer, "mock-entry.js");
    writeFileSync(entry, `import { startMockServer } from "${manifest.name}/mock";\nglobalThis.probe = startMockServer;\n`);
    let message = "";
    try {
      run(bin("esbuild"), [entry, "--bundle", ...flags, "--log-level=error"]);
    } catch (error) {
      message = String((error as { stderr?: string }).stderr);
    }
    expect(message).toContain(`The path "./mock" cannot be imported from package "${manifest.name}"`);
    expect(message).toContain(`"${condition}": null`);
  });

  it("prints its version with conference-participants --version", () => {
    expect(run(join(consumer, "node_modules", ".bin", "conference-participants"), ["--version"])).toBe(
      `${manifest.name} ${manifest.version}\n`,
    );
  });

  it("serves the rendered reference at /docs/ and the bundled spec at /openapi.json from conference-participants mock", async () => {
    const mock = startInstalledMock();
    try {
      const url = await listeningUrl(mock);
      const page = await fetch(`${url}/docs/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await page.text();
      const contract = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")) as { info: { title: string } };
      expect(html).toContain(`<title>${contract.info.title}</title>`);
      expect(html).toContain('<script src="docs.js" defer></script>');

      const plain = readFileSync(join(root, "dist", "docs", "index.html"));
      const gzipped = await rawGet(`${url}/docs/`, "gzip");
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
      const unpacked = await rawGet(`${url}/docs/`, "identity");
      expect(unpacked.headers["content-encoding"]).toBeUndefined();
      expect(unpacked.body.equals(plain)).toBe(true);

      const spec = await fetch(`${url}/openapi.json`);
      expect(spec.status).toBe(200);
      expect(await spec.json()).toEqual(JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")));
      const admin = await fetch(`${url}/mock-admin.json`);
      expect(await admin.json()).toEqual(JSON.parse(readFileSync(join(root, "generated", "mock-admin.json"), "utf8")));
      const adminPage = await (await fetch(`${url}/docs/mock-admin.html`)).text();
      expect(adminPage).toContain('<script src="docs.js" defer></script>');
      for (const name of ["openapi.json", "signalwire.openapi.json", "mock-admin.json"]) {
        const beside = await fetch(`${url}/docs/${name}`);
        expect(beside.status, name).toBe(200);
        expect(await beside.json()).toEqual(JSON.parse(readFileSync(join(root, "generated", name), "utf8")));
      }
    } finally {
      await stop(mock);
    }
  });
});

/** A consumer's code that only type-checks if the package's types resolve (each `@ts-expect-error` must be used). */
const TYPED_CONSUMER = `import { createSignalWireClient, validateUpdateRequest, RequestValidationError, type Participant, type UpdateRequest } from "${manifest.name}";
import { startMockServer, type MockServer } from "${manifest.name}/mock";

const update: UpdateRequest<"signalwire"> = { Muted: true, HoldMethod: "GET" };
// @ts-expect-error HoldMethod is GET or POST
const wrongMethod: UpdateRequest<"signalwire"> = { HoldMethod: "PUT" };
// @ts-expect-error no such field
const unknownField: UpdateRequest<"signalwire"> = { Mutd: true };
export const checked: boolean = validateUpdateRequest("signalwire", update).ok;
export const unused = [wrongMethod, unknownField, RequestValidationError];

export async function mute(callSid: string): Promise<Participant<"signalwire"> | undefined> {
  const mock: MockServer = await startMockServer({ port: 0, log: false });
  const client = createSignalWireClient({ space: "example", projectId: "p", apiToken: "t", baseUrl: mock.url });
  const { data } = await client.updateParticipant({ conferenceSid: "c", callSid, body: update });
  await mock.close();
  const muted: boolean | undefined = data?.muted;
  return muted === undefined ? undefined : data;
}
`;

/** `conference-participants mock` from the scratch project's node_modules/.bin, on a free port. */
function startInstalledMock(): ChildProcess {
  return spawn(join(consumer, "node_modules", ".bin", "conference-participants"), ["mock", "--port", "0"], {
    cwd: consumer,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The URL the mock's banner announces (its first line). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`the mock exited (${code}) before listening: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A GET with exactly this Accept-Encoding (fetch would add its own and unpack the body). */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}
