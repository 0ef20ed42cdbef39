/**
 * Faults: failures the mock plays on the next matching updates instead of their normal answer (a status
 * with the provider's error body, a delay, a dropped connection). Their shape is the admin document's
 * (`openapi/mock-admin.yaml`, `FaultRequest` and `Fault`).
 */
import type { components } from "../../../generated/mock-admin-types.js";
import { type ParticipantRef, sameId } from "./participant-ref.js";

export type FaultRequest = components["schemas"]["FaultRequest"];
export type Fault = components["schemas"]["Fault"];

/** How many faults may be pending at once (each added one is small; this bounds a runaway test loop). */
export const FAULT_LIMIT = 1000;

export class Faults {
  #pending: Fault[] = [];
  #added = 0;

  /** Adds a fault (already checked against `FaultRequest`); returns it as pending, or undefined when full. */
  add(request: FaultRequest): Fault | undefined {
    if (this.#pending.length >= FAULT_LIMIT) return undefined;
    this.#added += 1;
    const fault: Fault = { id: `fault-${this.#added}`, ...request, times: request.times ?? 1 };
    this.#pending.push(fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.#pending.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#pending = [];
  }

  /**
   * The oldest fault matching an update, counted as played once (it goes when it has no times left). `ref` is
   * the participant the update names (`alias`: the call id or label its path names it by); a fault is taken
   * only by an update that `reachesParticipant` (authenticated, and naming one the mock has), unless it says
   * `anyRequest`.
   */
  take(ref: ParticipantRef, alias: string, reachesParticipant: boolean): Fault | undefined {
    if (this.#pending.length === 0) return undefined;
    const index = this.#pending.findIndex(
      (f) =>
        (reachesParticipant || f.anyRequest === true) &&
        (f.provider === undefined || f.provider === ref.provider) &&
        (f.conferenceSid === undefined || sameId(f.conferenceSid, ref.conference)) &&
        (f.callSid === undefined || sameId(f.callSid, ref.call) || f.callSid === alias),
    );
    if (index === -1) return undefined;
    const fault = this.#pending[index]!;
    fault.times -= 1;
    if (fault.times === 0) this.#pending.splice(index, 1);
    return { ...fault, times: fault.times + 1 };
  }
}
