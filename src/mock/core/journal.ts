/**
 * The request journal: every request the mock's API routes received, oldest first, with what the mock made
 * of it. Bounded: past `JOURNAL_LIMIT` entries the oldest is dropped, so a long run keeps flat memory.
 */
import type { components } from "../../../generated/mock-admin-types.js";

/** How many requests the journal keeps (bodies are at most the mock's 64 KiB limit each). */
export const JOURNAL_LIMIT = 500;

/** One request and what the mock made of it: the admin document's `JournalEntry`. */
export type JournalEntry = components["schemas"]["JournalEntry"];

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
  // Copied whole (both transports give every header a value), then the credentials taken out.
  const kept = { ...headers } as Record<string, string>;
  if (kept.authorization !== undefined) kept.authorization = "[redacted]";
  return kept;
}
