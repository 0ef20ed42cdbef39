/** A fixtures file read from disk (Node only; the mock's core takes the fixtures themselves). */
import { parseJson } from "../../contract/json-body.js";
import { FixtureError } from "../../errors/fixture-error.js";
import { InputError } from "../../errors/input-error.js";
import { readRegularFile } from "../../node/bounded-read.js";

/** Reads a fixtures file; a file that cannot be read or parsed is a FixtureError naming the file. */
export function readFixtures(file: string): unknown {
  let text: string;
  try {
    text = readRegularFile(file, `fixtures file ${file}`);
  } catch (error) {
    if (error instanceof InputError) throw new FixtureError(error.message);
    throw error;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new FixtureError(`fixtures file ${file} is not JSON`, parsed.errors);
  return parsed.value;
}
