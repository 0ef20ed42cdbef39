/**
 * The User-Agent the client sends: this package's name and version (fixed when it was built) and the
 * runtime it runs on. Reads no file, so it works the same in Node, Bun, Deno, a worker or a bundle.
 */
import { PACKAGE_NAME, PACKAGE_VERSION } from "../../generated/package.js";

/** The runtime as `name/version` (`node/v20.20.0`, `bun/1.4.5`, `deno/2.9.6`), or nothing where none says. */
function runtime(): string | undefined {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  if (versions?.bun) return `bun/${versions.bun}`;
  if (versions?.deno) return `deno/${versions.deno}`;
  if (versions?.node) return `node/v${versions.node}`;
  return undefined;
}

/** `conference-participants/0.2.0 node/v20.20.0` */
export const USER_AGENT = [`${PACKAGE_NAME}/${PACKAGE_VERSION}`, runtime()].filter((part) => part !== undefined).join(" ");
