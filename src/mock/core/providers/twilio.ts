/** Twilio's Programmable Voice as the mock plays it: its error codes and body, its participants and labels. */
import { formatViolation } from "../../../contract/violations.js";
import { SEED_IDS } from "../defaults.js";
import type { ErrorAnswer, MockProvider } from "./mock-provider.js";

/**
 * Codes from Twilio's error dictionary (spec decision 27); 400 ("Bad Request") where it has none. The statuses
 * of 16028, 16099 and an unreadable body are inferred, as the decision says.
 */
const errors: MockProvider["errors"] = {
  unreadable: { status: 400, code: 20422 },
  invalid: { status: 422, code: 20422 },
  coachedNotInConference: { status: 422, code: 16028 },
  authentication: { status: 401, code: 20003, detail: "Permission Denied" },
  notFound: { status: 404, code: 20404, detail: "Not Found" },
  methodNotAllowed: { status: 405, code: 20004 },
  tooLarge: { status: 413, code: 400 },
  timeout: { status: 408, code: 400 },
  headersTooLarge: { status: 431, code: 400 },
  unsupportedMediaType: { status: 415, code: 20422 },
  conferenceEnded: { status: 400, code: 16099 },
  tooManyRequests: { status: 429, code: 20429, detail: "Too Many Requests" },
  internal: { status: 500, code: 20500, detail: "Internal Server Error" },
  unavailable: { status: 503, code: 20503, detail: "Service unavailable" },
  forbidden: { status: 403, code: 403 },
  httpVersion: { status: 505, code: 400 },
};

export const twilio: MockProvider = {
  errors,
  errorBody: (failure, answer: ErrorAnswer) => ({
    code: answer.code,
    message: failure.violations?.length ? failure.violations.map((v) => formatViolation(v)).join("; ") : (answer.detail ?? failure.detail),
    more_info: `https://www.twilio.com/docs/errors/${answer.code}`,
    status: answer.status,
  }),
  fresh: () => ({ call_sid_to_coach: null, label: null, queue_time: null, start_conference_on_enter: true, status: "connected" }),
  completedStatus: "complete",
  coaching: (participant, call) => ({ ...participant, coaching: call !== null, call_sid_to_coach: call }),
  // The documented path has its `.json` already; Twilio serves no other form.
  pathForms: [],
  hosts: ["https://api.twilio.com"],
  seed: {
    account: SEED_IDS.twilioAccount,
    conference: SEED_IDS.twilioConference,
    participants: [{ call: SEED_IDS.twilioCalls[0], label: SEED_IDS.twilioLabel }, { call: SEED_IDS.twilioCalls[1] }],
  },
  showsLabel: true,
  credentials: {
    pairs: [
      { user: "twilioAccountSid", secret: "twilioAuthToken" },
      { user: "twilioApiKey", secret: "twilioApiSecret" },
    ],
    account: "twilioAccountSid",
    placeholder: "<your auth token>",
  },
};
