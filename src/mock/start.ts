/**
 * `startMockServer` as the package root exports it: the server's code (node:http and the rest) is loaded
 * only when a mock is started, so importing the package for its validators stays cheap.
 */
import type { MockServer, MockServerOptions } from "./server.js";

export type { MockServer, MockServerOptions } from "./server.js";

/** Starts the mock API; resolves once it listens. See the README's "Contract-test your code against it". */
export async function startMockServer(options?: MockServerOptions): Promise<MockServer> {
  const server = await import("./server.js");
  return server.startMockServer(options);
}
