/**
 * `conference-participants/msw`: the mock as MSW request handlers, for tests that open no port (Node's
 * `setupServer`, or a browser's `setupWorker`). The handlers answer on the providers' real hosts
 * (`https://<space>.signalwire.com/…`, `https://api.telnyx.com/…`) with the mock's own core: the same routing,
 * credentials, validation, state, journal and faults as `startMockServer`, and the same controls in-process.
 */
import { HttpResponse, http, type RequestHandler } from "msw";
import type { MockControls } from "../mock/core/controls.js";
import { type Answer, type BodyReading, delay, type Exchange, MAX_BODY_BYTES } from "../mock/core/exchange.js";
import { MockApi } from "../mock/core/mock-api.js";
import { mockProviders } from "../mock/core/providers/index.js";
import { MockState, type MockStateOptions } from "../mock/core/state.js";
import { readAtMost } from "../web/read-at-most.js";

export type MswHandlersOptions = MockStateOptions;

/** MSW's handlers for every provider's hosts (spread them into `setupServer`), with the mock's controls. */
export type MswHandlers = RequestHandler[] & MockControls;

/** A mocked request's body, at most `MAX_BODY_BYTES` of it: reading stops past that. */
async function readMockedBody(request: Request): Promise<BodyReading> {
  if (request.body === null) return { ok: true, bytes: new Uint8Array() };
  try {
    const bytes = await readAtMost(request.body, MAX_BODY_BYTES);
    return bytes === "tooLarge" ? { ok: false, reason: "tooLarge" } : { ok: true, bytes };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The core's answer as a fetch `Response`; a dropped connection as a network error, or a body that breaks off. */
async function responseOf(answer: Answer): Promise<Response> {
  const { delivery } = answer;
  if (delivery?.delayMs) await delay(delivery.delayMs);
  if (delivery?.drop === "reset") return HttpResponse.error();
  if (delivery?.drop === "midResponse") {
    const start = utf8.encode(answer.body);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(start);
        controller.error(new TypeError("the mock closed the connection mid-response"));
      },
    });
    return new HttpResponse(body, { status: answer.status, headers: answer.headers });
  }
  // Framed as a server frames it: a client on a keep-alive agent (Twilio's Node SDK) otherwise waits for the end
  // of a mocked body that has no Content-Length, and never answers.
  const headers = { ...answer.headers, "content-length": String(utf8.encode(answer.body).byteLength) };
  return new HttpResponse(answer.body === "" ? null : answer.body, { status: answer.status, headers });
}

const utf8 = new TextEncoder();

/** A mocked request handed to the core; `answered` resolves with the core's answer. */
function exchangeOf(request: Request): { exchange: Exchange; answered: Promise<Answer> } {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let respond!: (answer: Answer) => void;
  const answered = new Promise<Answer>((resolve) => {
    respond = resolve;
  });
  const exchange: Exchange = {
    method: request.method,
    target: `${url.pathname}${url.search}`,
    headers,
    readBody: (then) => void readMockedBody(request).then(then),
    respond,
  };
  return { exchange, answered };
}

/** Handlers for every provider's hosts, backed by one mock: its participants, journal and faults. */
export function createMswHandlers(options: MswHandlersOptions = {}): MswHandlers {
  const api = new MockApi(new MockState(options));
  const resolver = async ({ request }: { request: Request }) => {
    const { exchange, answered } = exchangeOf(request);
    api.handle(exchange);
    return responseOf(await answered);
  };
  const hosts = Object.values(mockProviders).flatMap((provider) => provider.hosts);
  const handlers: RequestHandler[] = hosts.map((host) => http.all(`${host}/*`, resolver));
  return Object.assign(handlers, api.controls);
}
