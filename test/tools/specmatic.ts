/**
 * Specmatic as its users run it: the `specmatic` npm package's jar on the machine's own Java, the
 * credentials in environment variables named after the document's security schemes, its output read back
 * into one row per scenario.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ProviderCase, root } from "../generators/workspace.js";
import { type ChildRun, runChild } from "./child.js";

export const SPECMATIC_JAR = join(root, "node_modules", "specmatic", "specmatic.jar");

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}
interface Operation {
  requestBody: { content: Record<string, { examples?: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
}

const readDocument = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Document;
const operationOf = (document: Document) => Object.values(Object.values(document.paths)[0]!)[0]!;

/**
 * Specmatic's credentials for the provider: the token its Authorization header carries after the scheme,
 * in a variable named after the document's one security scheme (`telnyxBearer`, `signalwireBasic`).
 */
export function specmaticCredentials(provider: ProviderCase): Record<string, string> {
  const [scheme] = Object.keys(readDocument(provider.document).components.securitySchemes);
  return { [scheme!]: provider.authorization.replace(/^\S+ /, "") };
}

/** The request examples Specmatic runs (those with a 200 example of the same name) and the ones it leaves out. */
export function requestExamples(provider: ProviderCase): { paired: string[]; unpaired: string[] } {
  const operation = operationOf(readDocument(provider.document));
  const requests = new Set(Object.values(operation.requestBody.content).flatMap((media) => Object.keys(media.examples ?? {})));
  const answers = new Set(Object.keys(operation.responses["200"]?.content?.["application/json"]?.examples ?? {}));
  return { paired: [...requests].filter((name) => answers.has(name)), unpaired: [...requests].filter((name) => !answers.has(name)) };
}

/** Fails with what to do when the machine has no Java to run Specmatic's jar on. */
export function requireJava(): void {
  if (spawnSync("java", ["-version"], { stdio: "ignore" }).error !== undefined) {
    throw new Error("java is missing: Specmatic runs on Java 17 (apt-get install -y openjdk-17-jre-headless; .ci/run does)");
  }
}

/** Runs `java -jar specmatic.jar ARGS` (the machine's Java) without blocking this process. */
export const runSpecmatic = (
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number },
): Promise<ChildRun> => runChild("java", ["-jar", SPECMATIC_JAR, ...args], options);

export interface Scenario {
  name: string;
  /** Generative mode's mark: a positive test expects the example's status, a negative one a 4xx. */
  sign: "+ve" | "-ve" | undefined;
  passed: boolean;
  /** The request as Specmatic printed it: method, path, headers and body. */
  request: string;
  status: number | undefined;
}

/** Each scenario of a `specmatic test` run, with the request it sent and the status it got. */
export function scenarios(output: string): Scenario[] {
  return output.split(/\n-{20}\n/).flatMap((block) => {
    const scenario = /(?:([+-]ve) +)?Scenario: (.*) has (SUCCEEDED|FAILED)/.exec(block);
    if (!scenario) return [];
    const request = /Request to [^\n]*\n([\s\S]*?)\n\s*Response at/.exec(block)?.[1] ?? "";
    const status = /Response at [^\n]*\n\s+(\d{3})/.exec(block)?.[1];
    const sign = scenario[1] as Scenario["sign"];
    return [
      { name: scenario[2]!, sign, passed: scenario[3] === "SUCCEEDED", request, status: status === undefined ? undefined : Number(status) },
    ];
  });
}

/** The totals Specmatic prints last: `Tests run: 34, Successes: 34, Failures: 0, …`. */
export function totals(output: string): Record<string, number> {
  const line = /Tests run: .*/.exec(output)?.[0] ?? "";
  return Object.fromEntries([...line.matchAll(/(\w[\w ]*): (\d+)/g)].map(([, key, value]) => [key!.trim(), Number(value)]));
}

/** The request examples Specmatic says it ignored for want of a response example of the same name. */
export const ignoredRequestExamples = (output: string) =>
  [...new Set([...output.matchAll(/Ignoring request example named (\w+)/g)].map((match) => match[1]!))].sort();
