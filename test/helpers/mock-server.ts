/**
 * The mock for tests: started on a free port of 127.0.0.1 with nothing printed, and closed by the test file
 * that started it.
 */
import { afterAll, beforeAll } from "vitest";
import { type MockServer, type MockServerOptions, startMockServer } from "../../src/mock/index.js";

/** A mock of a test's own (the test closes it). */
export const startTestMock = (options: MockServerOptions = {}): Promise<MockServer> =>
  startMockServer({ port: 0, host: "127.0.0.1", log: false, ...options });

/**
 * A mock for the whole test file: started before its first test, closed after its last. The handle reads
 * through to the running mock, so `mock.url` and `mock.requests()` work as on the mock itself.
 */
export function useMockServer(options: MockServerOptions = {}): MockServer {
  let current: MockServer | undefined;
  beforeAll(async () => {
    current = await startTestMock(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as MockServer, {
    get(_target, name) {
      if (current === undefined) throw new Error("the test file's mock starts before its first test: use it inside a test or hook");
      return Reflect.get(current, name);
    },
  });
}
