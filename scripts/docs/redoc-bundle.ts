/**
 * Redoc's standalone bundle from the `redoc` npm package, made to load nothing from other hosts. The
 * bundle draws its "API docs by Redocly" logo from a CDN; the copy points that image at a file served
 * beside the page instead.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const REMOTE_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';

/** The file name, relative to the page, under which the logo is written beside it. */
export const LOGO_FILE = "redocly-logo.svg";

/** The bundle's text with its one remote URL replaced; throws if the bundle no longer has exactly one. */
export function offlineRedocBundle(): string {
  const path = createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js");
  const source = readFileSync(path, "utf8");
  const occurrences = source.split(REMOTE_LOGO).length - 1;
  if (occurrences !== 1) {
    throw new Error(`${path}: expected the remote logo URL once, found it ${occurrences} times; check the offline patch`);
  }
  return source.replace(REMOTE_LOGO, JSON.stringify(LOGO_FILE));
}

/** A small local mark in place of the remote logo, drawn as an icon beside "API docs by Redocly". */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
<circle cx="8" cy="8" r="8" fill="#32329f"/>
<text x="8" y="12" text-anchor="middle" font-family="sans-serif" font-size="11" font-weight="bold" fill="#fff">R</text>
</svg>
`;
