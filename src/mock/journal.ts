/**
 * The request journal: every request the mock's API routes received, oldest first, with what the mock made
 * of it. Bounded: past `JOURNAL_LIMIT` entries the oldest is dropped, so a long run keeps flat memory.
 */
import type { Provider } from "../contract/providers.js";
import type { Violation } from "../contract/violations.js";

/** How many requests the journal keeps (bodies are at most the mock's 64 KiB limit each). */
export const JOURNAL_LIMIT = 500;

export interface JournalEntry {
  /** When the request was answered: an ISO 8601 date. */
  time: string;
  method: string;
  /** The request target as received (path and query). */
  path: string;
  /** The provider and operation whose route the path matched, or null. */
  provider: Provider | null;
  operation: string | null;
  /** The request's headers, names in lower case; `authorization` shows as `[redacted]`. */
  headers: Record<string, string>;
  /** The body as received (UTF-8), or "" when none was read. */
  body: string;
  /** `valid` or `invalid` when the body was checked against the contract; `unchecked` when refused before. */
  verdict: "valid" | "invalid" | "unchecked";
  /** The body's violations when `invalid`, each with its code. */
  violations: Violation[];
  /** The status answered (0 when a fault dropped the connection). */
  status: number;
  /** The id of the fault that shaped the answer, if one did. */
  fault: string | null;
}

export class Journal {
  #entries: JournalEntry[] = [];
  #next = 0;

  record(entry: JournalEntry): void {
    if (this.#entries.length < JOURNAL_LIMIT) {
      this.#entries.push(entry);
    } else {
      this.#entries[this.#next] = entry;
      this.#next = (this.#next + 1) % JOURNAL_LIMIT;
    }
  }

  /** The entries, oldest first. */
  list(): JournalEntry[] {
    return [...this.#entries.slice(this.#next), ...this.#entries.slice(0, this.#next)];
  }

  clear(): void {
    this.#entries = [];
    this.#next = 0;
  }
}

/** A request's headers as the journal keeps them: credentials redacted. */
export function journalHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) kept[name] = name === "authorization" ? "[redacted]" : value;
  }
  return kept;
}
