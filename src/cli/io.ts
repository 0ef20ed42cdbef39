/** What a CLI command reads and writes, so commands run the same in a process and in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read to the end (at most `MAX_INPUT_BYTES`; past that an `InputError`). */
  stdin(): Promise<string>;
}

/** Exit codes: valid, invalid, usage or I/O error. */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;
