/**
 * Every TypeScript sample of the README, taken from the README as it stands, in a fresh project (an ES module
 * one, as the README says the samples need) that installs the packed tarball as a stranger would: each sample
 * type-checks under `strict` with the TypeScript npm installs today (7) and with 5.9, and runs as written
 * against the installed package's own mock (`conference-participants mock`); a sample that is a vitest file
 * runs under vitest.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};
const scratch = mkdtempSync(join(tmpdir(), "readme-samples-"));
const project = join(scratch, "project");

/** The README's TypeScript samples, in order, each with the heading it stands under. */
function readmeSamples(): { heading: string; source: string }[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const samples: { heading: string; source: string }[] = [];
  let heading = "";
  const lines = readme.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("#")) heading = line.replace(/^#+\s*/, "");
    if (line !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    samples.push({ heading, source: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return samples;
}

const samples = readmeSamples();
const isVitestFile = (source: string) => source.includes('from "vitest"');
const fileOf = (index: number, source: string) => `sample-${index + 1}${isVitestFile(source) ? ".test" : ""}.mts`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
}

let mock: ChildProcess;
let mockUrl: string;

beforeAll(async () => {
  mkdirSync(project, { recursive: true });
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch], { cwd: root, stdio: "pipe" });
  const tarball = join(scratch, `${manifest.name}-${manifest.version}.tgz`);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "readme-samples", private: true, type: "module" }));
  const pinned = (name: string) => `${name}@${manifest.devDependencies[name]}`;
  // What the samples import beside the package, at the versions this repository tests; TypeScript as npm
  // installs it today (7) and 5.9 beside it.
  run("npm", [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    tarball,
    pinned("msw"),
    pinned("telnyx"),
    pinned("twilio"),
    pinned("vitest"),
    pinned("tsx"),
    pinned("@types/node"),
    "typescript@7",
    "typescript59@npm:typescript@5.9",
  ]);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
      },
      include: ["*.mts"],
    }),
  );
  for (const [index, { source }] of samples.entries()) writeFileSync(join(project, fileOf(index, source)), `${source}\n`);
  mock = spawn(join(project, "node_modules", ".bin", "conference-participants"), ["mock", "--port", "0", "--quiet"], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  mock.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 400 && mockUrl === undefined; i++) {
    await new Promise((done) => setTimeout(done, 50));
    mockUrl = /listening on (http:\/\/\S+)/.exec(output)?.[1] as string;
  }
  if (mockUrl === undefined) throw new Error(`the installed mock printed no address: ${output}`);
}, 300_000);

afterAll(async () => {
  if (mock !== undefined && mock.exitCode === null) {
    const exited = new Promise((resolve) => mock.once("exit", resolve));
    mock.kill("SIGTERM");
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe("the README's TypeScript samples", () => {
  it("are there: the quick start, the client, the validators, the mock, the SDKs, MSW", () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
    expect(samples.map((sample) => sample.heading)).toContain("Quick start");
  });

  it.each([
    ["TypeScript 7 (what npm installs today)", join("node_modules", "typescript", "bin", "tsc")],
    ["TypeScript 5.9", join("node_modules", "typescript59", "bin", "tsc")],
  ])("type-check under strict with %s", (_name, tsc) => {
    const version = run(process.execPath, [tsc, "--version"]);
    expect(version).toMatch(/^Version \d/);
    try {
      run(process.execPath, [tsc, "-p", "."]);
    } catch (error) {
      throw new Error(`${version.trim()}:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  });

  it.each(samples.map((sample, index) => [index + 1, sample.heading, sample.source, index] as const))(
    "sample %i (under %s) runs as written against the mock",
    async (_number, _heading, source, index) => {
      await fetch(`${mockUrl}/__admin/reset`, { method: "POST" });
      const file = fileOf(index, source);
      const env = { MOCK_URL: mockUrl };
      const output = isVitestFile(source)
        ? run(join(project, "node_modules", ".bin", "vitest"), ["run", file], env)
        : run(join(project, "node_modules", ".bin", "tsx"), [file], env);
      expect(output).not.toMatch(/Error|undefined/);
    },
  );
});
