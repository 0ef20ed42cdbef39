/**
 * Inputs read from disk or standard input with a size limit: only regular files (a device such as /dev/zero
 * would never end, a FIFO with no writer would block forever), never more than `MAX_INPUT_BYTES`. Failures
 * are `InputError`s naming the input and the reason in words. Standard input may be a pipe, a terminal or a
 * file, never a directory.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors/input-error.js";

/** The largest file or standard input the CLI and the mock's fixtures read: 8 MiB (an update is under 1 KiB). */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** `no such file or directory (ENOENT)` from node's `ENOENT: no such file or directory, open 'x'`. */
function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(message ?? "")?.[1];
  return words === undefined ? (code ?? "unknown error") : `${words}${code ? ` (${code})` : ""}`;
}

function decoded(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError(`${what} is not UTF-8 text`);
  }
}

/** A regular file's text, at most `limit` bytes; `what` names it in errors ("fixtures file x.json"). */
export function readRegularFile(path: string, what: string, limit = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO that has no writer returns at once (and is then refused as not a file).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${reasonOf(error)}`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new InputError(`cannot read ${what}: not a regular file`);
    const buffer = Buffer.alloc(Math.min(limit + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      size += read;
      if (size > limit) throw new InputError(`cannot read ${what}: larger than ${limit} bytes`);
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
    return decoded(Buffer.concat(chunks), what);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${what}: ${reasonOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** A stream's text (standard input), at most `limit` bytes: past that, reading stops and it is refused. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, what: string, limit = MAX_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += bytes.length;
      if (size > limit) throw new InputError(`cannot read ${what}: larger than ${limit} bytes`);
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${what}: ${reasonOf(error)}`);
  }
  return decoded(Buffer.concat(chunks), what);
}

/**
 * Standard input's text, as `readStream` reads it. A directory (`< /tmp`) is refused first: Node reads one as
 * an input that ends at once, which would pass for an empty body.
 */
export async function readStandardInput(limit = MAX_INPUT_BYTES): Promise<string> {
  const what = "standard input";
  let isDirectory: boolean;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${reasonOf(error)}`);
  }
  if (isDirectory) throw new InputError(`cannot read ${what}: it is a directory`);
  return readStream(process.stdin, what, limit);
}
