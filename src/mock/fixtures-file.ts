/** A fixtures file read from disk (Node only; the mock's core takes the fixtures themselves). */
import { readFileSync } from "node:fs";
import { FixtureError } from "../errors/fixture-error.js";

/** Reads a fixtures file; a file that cannot be read or parsed is a FixtureError naming the file. */
export function readFixtures(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new FixtureError(`cannot read fixtures file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FixtureError(`fixtures file ${file} is not JSON: ${(error as Error).message}`);
  }
}
