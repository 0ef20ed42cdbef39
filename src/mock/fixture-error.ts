/** A fixtures file the mock cannot use: says which entry is wrong and how. */
export class FixtureError extends Error {
  override name = "FixtureError";
}
