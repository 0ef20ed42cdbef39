/**
 * One line per request the mock answered, for its user to watch: method, path, status, the violations' codes
 * and the time the mock took. What a request carries is escaped and cut, so no request can write to the
 * user's terminal what it likes.
 */
import { printable } from "../../contract/violations.js";
import type { JournalEntry } from "./journal.js";

const PATH_SHOWN = 240;

/** `POST /api/laml/…/Participants/…ca 422 invalid: required, unknown_field (0.4 ms)` */
export function requestLine(entry: JournalEntry, ms: number): string {
  const path = entry.path.length > PATH_SHOWN ? `${entry.path.slice(0, PATH_SHOWN)}…` : entry.path;
  const codes = [...new Set(entry.violations.map((violation) => violation.code))];
  const verdict = entry.verdict === "invalid" ? ` invalid${codes.length > 0 ? `: ${codes.join(", ")}` : ""}` : "";
  const fault = entry.fault === null ? "" : ` (${entry.fault})`;
  const undelivered = entry.response.delivered ? "" : " not delivered";
  return printable(`${entry.method.slice(0, 16)} ${path} ${entry.status}${verdict}${fault}${undelivered} (${ms.toFixed(1)} ms)`);
}
