/**
 * `conference-participants/msw`: the mock as MSW request handlers, for tests that open no port (Node's
 * `setupServer`, or a browser's `setupWorker`). The handlers answer on the providers' real hosts
 * (`https://<space>.signalwire.com/…` on all three SignalWire paths, `https://api.telnyx.com/v2/texml/…`) with
 * the mock's own core: the same routing, credentials, validation, state, journal and faults as
 * `startMockServer`, and the same controls in-process.
 */
import { HttpResponse, http, type RequestHandler } from "msw";
import { controlsOf, type MockControls } from "../mock/admin.js";
import { type BodyReading, delay, MAX_BODY_BYTES, type MockAnswer, MockApi, type MockApiOptions } from "../mock/mock-api.js";
import { readAtMost } from "../web/read-at-most.js";

export type MswHandlersOptions = MockApiOptions;

/** MSW's handlers for both providers' hosts (spread them into `setupServer`), with the mock's controls. */
export type MswHandlers = RequestHandler[] & MockControls;

/** The hosts the handlers answer on: every SignalWire Space, and Telnyx's API. */
const HOSTS = ["https://*.signalwire.com/*", "https://api.telnyx.com/*"] as const;

/** The request's body, at most `MAX_BODY_BYTES` of it: reading stops past that. */
async function readBody(request: Request): Promise<BodyReading> {
  if (request.body === null) return { ok: true, bytes: new Uint8Array() };
  try {
    const bytes = await readAtMost(request.body, MAX_BODY_BYTES);
    return bytes === "tooLarge" ? { ok: false, reason: "tooLarge" } : { ok: true, bytes };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The core's answer as a fetch `Response`; a dropped connection as a network error, or a body that breaks off. */
async function responseOf(answer: MockAnswer): Promise<Response> {
  const { delivery } = answer;
  if (delivery?.delayMs) await delay(delivery.delayMs);
  if (delivery?.drop === "reset") return HttpResponse.error();
  if (delivery?.drop === "midResponse") {
    const start = new TextEncoder().encode(answer.body);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(start);
        controller.error(new TypeError("the mock closed the connection mid-response"));
      },
    });
    return new HttpResponse(body, { status: answer.status, headers: answer.headers });
  }
  return new HttpResponse(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** Handlers for both providers' hosts, backed by one mock: its participants, journal and faults. */
export function createMswHandlers(options: MswHandlersOptions = {}): MswHandlers {
  const api = new MockApi(options);
  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const reception = api.receive({ method: request.method, target: `${url.pathname}${url.search}`, headers });
    const answer = "answer" in reception ? reception.answer : reception.readBody(await readBody(request));
    return responseOf(answer);
  };
  const handlers: RequestHandler[] = HOSTS.map((host) => http.all(host, resolver));
  return Object.assign(handlers, controlsOf(api.admin));
}
