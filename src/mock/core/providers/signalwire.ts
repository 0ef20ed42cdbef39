/** SignalWire's Compatibility API as the mock plays it: its error codes and body, its participants, its SDK's path. */
import { formatViolation } from "../../../contract/violations.js";
import { SEED_IDS } from "../defaults.js";
import type { ErrorAnswer, MockProvider } from "./mock-provider.js";

const MORE_INFO = "https://signalwire.com/docs/compatibility-api/reference/errors";

/** Codes from SignalWire's error-code list (spec decision 15); 20001 ("An unknown error occurred") where it has none. */
const errors: MockProvider["errors"] = {
  unreadable: { status: 400, code: 10000 },
  invalid: { status: 422, code: 10000 },
  coachedNotInConference: { status: 422, code: 16002 },
  authentication: { status: 401, code: 20003 },
  notFound: { status: 404, code: 20404 },
  methodNotAllowed: { status: 405, code: 20001 },
  tooLarge: { status: 413, code: 20001 },
  timeout: { status: 408, code: 20001 },
  headersTooLarge: { status: 431, code: 20001 },
  unsupportedMediaType: { status: 415, code: 20001 },
  conferenceEnded: { status: 422, code: 10000 },
  tooManyRequests: { status: 429, code: 20429 },
  internal: { status: 500, code: 20504 },
  unavailable: { status: 503, code: 20001 },
  forbidden: { status: 403, code: 20001 },
  httpVersion: { status: 505, code: 20001 },
};

export const signalwire: MockProvider = {
  errors,
  errorBody: (failure, answer: ErrorAnswer) => ({
    code: answer.code,
    message: failure.violations?.length ? failure.violations.map((v) => formatViolation(v)).join("; ") : failure.detail,
    more_info: MORE_INFO,
    status: answer.status,
  }),
  fresh: () => ({ call_sid_to_coach: null, start_conference_on_enter: true, status: "in-progress" }),
  completedStatus: "completed",
  coaching: (participant, call) => ({ ...participant, coaching: call !== null, call_sid_to_coach: call }),
  // The documented path with `.json` (SignalWire's curl samples), and SignalWire's Node SDK's: no `/api/laml`, `.json` (decision 9).
  pathForms: [(path) => `${path}.json`, (path) => `${path.replace(/^\/api\/laml(?=\/2010-04-01\/)/, "")}.json`],
  hosts: ["https://*.signalwire.com"],
  seed: { account: SEED_IDS.account, conference: SEED_IDS.conference, participants: SEED_IDS.signalwireCalls.map((call) => ({ call })) },
  showsLabel: false,
  credentials: { pairs: [{ user: "projectId", secret: "apiToken" }], account: "projectId", placeholder: "<your API token>" },
};
