/**
 * The request journal: every request the mock's API routes received, oldest first, with what the mock made
 * of it and what it answered. Bounded in every way a test run can grow it: past `JOURNAL_LIMIT` entries the
 * oldest is dropped, each body is kept up to `JOURNAL_BODY_LIMIT` characters, and a read returns a page of at
 * most `JOURNAL_PAGE_LIMIT` entries. Credentials never enter it (`redaction.ts`).
 */
import type { components } from "../../../generated/mock-admin-types.js";
import type { Answer } from "./exchange.js";
import { nowIso } from "./fast-paths.js";
import { redactedHeaders, redactedTarget } from "./redaction.js";

/** How many requests the journal keeps. */
export const JOURNAL_LIMIT = 500;
/** How many characters of each body (request or answer) an entry keeps. */
export const JOURNAL_BODY_LIMIT = 8192;
/** How many entries one read returns at most; the default page is `JOURNAL_DEFAULT_PAGE`. */
export const JOURNAL_PAGE_LIMIT = 500;
export const JOURNAL_DEFAULT_PAGE = 100;

/** One request and what the mock made of it: the admin document's `JournalEntry`. */
export type JournalEntry = components["schemas"]["JournalEntry"];
export type JournalPage = components["schemas"]["Journal"];

/** A body as an entry keeps it: its first `JOURNAL_BODY_LIMIT` characters, then `…`. */
export const keptBody = (body: string) => (body.length <= JOURNAL_BODY_LIMIT ? body : `${body.slice(0, JOURNAL_BODY_LIMIT)}…`);

/** A request's entry as it starts, before the mock answers it. */
export function startEntry(
  request: { method: string; target: string; headers: Readonly<Record<string, string | undefined>> },
  place: { provider: JournalEntry["provider"]; operation: string | null; serverPath: string | null },
): JournalEntry {
  return {
    id: 0,
    time: "",
    method: request.method,
    path: redactedTarget(request.target),
    ...place,
    headers: redactedHeaders(request.headers),
    body: "",
    verdict: "unchecked",
    violations: [],
    status: 0,
    fault: null,
    response: { status: 0, headers: {}, body: "", delivered: true },
  };
}

/** The entry completed with its answer (a dropped connection delivers nothing). */
export function answeredEntry(entry: JournalEntry, answer: Answer): void {
  const drop = answer.delivery?.drop;
  entry.time = nowIso();
  entry.status = drop === "reset" ? 0 : answer.status;
  entry.response = {
    status: entry.status,
    headers: answer.headers as Record<string, string>,
    body: keptBody(answer.body),
    delivered: drop === undefined,
  };
}

export class Journal {
  #entries: JournalEntry[] = [];
  #next = 0;
  #lastId = 0;

  record(entry: JournalEntry): void {
    this.#lastId += 1;
    entry.id = this.#lastId;
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

  /** At most `limit` entries after the entry `since` (0: from the oldest kept), oldest first, and the `since` of the next page. */
  page(limit: number, since: number): JournalPage {
    const after = this.list().filter((entry) => entry.id > since);
    const requests = after.slice(0, limit);
    return { requests, next: after.length > limit ? requests.at(-1)!.id : null };
  }

  clear(): void {
    this.#entries = [];
    this.#next = 0;
  }
}
