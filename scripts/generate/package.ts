/**
 * generated/package.ts: the package's name and version from package.json, as constants, so the client's
 * User-Agent carries them wherever it runs (a bundle, a browser, a worker) without reading a file.
 */
import { generatedHeader } from "./types.js";

export function buildPackage(manifest: { name: string; version: string }): string {
  return `${generatedHeader("package.json")}/** This package's name, as published. */
export const PACKAGE_NAME = ${JSON.stringify(manifest.name)};
/** This package's version, fixed when the package is built. */
export const PACKAGE_VERSION = ${JSON.stringify(manifest.version)};
`;
}
