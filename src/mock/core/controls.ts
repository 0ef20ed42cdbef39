/**
 * The mock's controls: the admin API's operations as methods, over the mock's state. The in-process handles
 * (`startMockServer()`, `createMswHandlers()`) expose them as they are; the admin API (`admin.ts`) answers
 * them over HTTP.
 */
import { validators } from "../../../generated/mock-admin-validators.js";
import type { Provider } from "../../contract/providers.js";
import { toViolations } from "../../contract/ajv-errors.js";
import type { Violation } from "../../contract/violations.js";
import { endConferences, leaveSeats } from "./conference-rules.js";
import type { Fault, FaultRequest } from "./faults.js";
import type { JournalEntry } from "./journal.js";
import type { MockState } from "./state.js";

/** The mock's controls, in-process: the same operations as the admin API, typed from its document. */
export interface MockControls {
  /** The journal, oldest first. */
  requests(): JournalEntry[];
  clearRequests(): void;
  /** Participants back to the fixtures; journal and faults cleared. */
  reset(): void;
  /** Adds a fault for the next matching updates; throws a `TypeError` naming each problem when `fault` is not one. */
  addFault(fault: FaultRequest): Fault;
  faults(): Fault[];
  clearFaults(): void;
  /** Ends a conference (every provider's with this id, or `provider`'s); returns how many participants it completed. */
  endConference(conferenceSid: string, provider?: Provider): number;
  /** Makes a participant leave its conference; returns how many participants left (one per provider and account). */
  leaveConference(conferenceSid: string, callSid: string, provider?: Provider): number;
}

/** A fault checked against the admin document's `FaultRequest` and added, or the violations that say why not. */
export function addCheckedFault(state: MockState, fault: unknown): { ok: true; fault: Fault } | { ok: false; violations: Violation[] } {
  const validate = validators.FaultRequest;
  if (!validate(fault)) return { ok: false, violations: toViolations(validate.errors ?? []) };
  const added = state.faults.add(fault as FaultRequest);
  if (added === undefined) {
    return {
      ok: false,
      violations: [{ code: "invalid_value", path: "", message: "cannot be added: too many faults are pending; clear them first" }],
    };
  }
  return { ok: true, fault: added };
}

/** The controls of one mock, as plain functions (they can be destructured and passed around). */
export function createControls(state: MockState): MockControls {
  return {
    requests: () => state.journal.list(),
    clearRequests: () => state.journal.clear(),
    reset: () => state.reset(),
    addFault: (fault) => {
      const result = addCheckedFault(state, fault);
      if (!result.ok) throw new TypeError(`not a fault: ${result.violations.map((v) => `${v.path || "fault"}: ${v.message}`).join("; ")}`);
      return result.fault;
    },
    faults: () => state.faults.list(),
    clearFaults: () => state.faults.clear(),
    endConference: (conferenceSid, provider) =>
      endConferences(state.store.seatsWhere({ conference: conferenceSid, ...(provider ? { provider } : {}) })),
    leaveConference: (conferenceSid, callSid, provider) =>
      leaveSeats(state.store.seatsWhere({ conference: conferenceSid, call: callSid, ...(provider ? { provider } : {}) })),
  };
}
