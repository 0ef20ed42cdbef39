/**
 * `updateParticipant`: the one send path of the client. The call's arguments and its update are checked
 * against the contract before anything is sent (every problem in one `RequestValidationError`), the update
 * is written as the exact form body the providers read, and sent with `fetch` itself, not through
 * openapi-fetch: that builds a `Request` per call, whose string body undici then sends as a stream
 * (BENCHMARKS.md, "Client": 1.80× raw fetch through openapi-fetch, 1.02× this way).
 */
import { describeValue } from "../contract/describe-value.js";
import { serializeForm } from "../contract/form.js";
import type { Provider } from "../contract/providers.js";
import { validateUpdateRequest } from "../contract/validate.js";
import type { Violation } from "../contract/violations.js";
import { RequestValidationError } from "../errors/request-validation-error.js";
import { checkKnownKeys, checkObject, checkPathId, checkSignal, checkSpecId } from "./checks.js";
import { type ClientConfiguration, ID_NAMES, type IdName } from "./configuration.js";
import { Deadline, EXPIRED, releaseWhenAnswered } from "./deadline.js";
import { failureOf } from "./failures.js";
import { resultOf } from "./read-response.js";
import type { UpdateParticipantParams, UpdateParticipantResult } from "./types.js";

const PARAM_NAMES = [...ID_NAMES, "body", "signal"] as const;

/** A body to check and send: a copy of the caller's plain object (later changes to it cannot slip past the check). */
function snapshotBody(body: unknown): { value: Record<string, unknown>; violations: Violation[] } {
  if (body === undefined) return { value: {}, violations: [] };
  const prototype = typeof body === "object" && body !== null ? Object.getPrototypeOf(body) : undefined;
  if (prototype === Object.prototype || prototype === null) return { value: { ...(body as Record<string, unknown>) }, violations: [] };
  const expected = "an object such as { Muted: true }";
  const violation: Violation = {
    code: "invalid_type",
    path: "body",
    message: "must be a plain object of the spec's fields",
    expected,
    received: describeValue(body),
  };
  return { value: {}, violations: [violation] };
}

/** The call's ids and form body, or every reason it is refused. */
function checkedCall<P extends Provider>(config: ClientConfiguration<P>, params: UpdateParticipantParams<P>) {
  const shape = checkObject("params", params, "an object with conferenceSid, callSid and body");
  if (shape.length > 0) throw new RequestValidationError(shape);
  const ids: Record<IdName, unknown> = {
    accountSid: params.accountSid ?? config.accountSid,
    conferenceSid: params.conferenceSid,
    callSid: params.callSid,
  };
  const body = snapshotBody(params.body);
  const problems: Violation[] = [];
  const add = (found: readonly Violation[]) => {
    if (found.length > 0) problems.push(...found);
  };
  add(checkKnownKeys(params, PARAM_NAMES, "updateParticipant"));
  for (const name of ID_NAMES) {
    const asSegment = checkPathId(name, ids[name]);
    add(asSegment.length > 0 ? asSegment : checkSpecId(config.provider, config.parameterOf[name], name, ids[name]));
  }
  add(checkSignal("signal", params.signal));
  add(body.violations);
  if (body.violations.length === 0) {
    const checked = validateUpdateRequest(config.provider, body.value);
    if (!checked.ok) add(checked.errors);
  }
  if (problems.length > 0) throw new RequestValidationError(problems);
  return { ids, form: serializeForm(body.value) };
}

/**
 * Updates a participant as `config` says: checked, sent, and read into openapi-fetch's `{ data, error, response }`.
 * The deadline races the wait for the answer and the reading of its body; a failure on the way rejects as
 * `failureOf` says.
 */
export async function updateParticipant<P extends Provider>(
  config: ClientConfiguration<P>,
  params: UpdateParticipantParams<P>,
): Promise<UpdateParticipantResult<P>> {
  const { ids, form } = checkedCall(config, params);
  const url = config.urlOf(ids);
  const init: RequestInit = { method: config.method, headers: config.headers, body: form, redirect: "manual" };
  if (params.signal !== undefined) init.signal = params.signal;
  const deadline = config.timeoutMs === 0 ? undefined : new Deadline(config.timeoutMs);
  let sent: Promise<Response> | undefined;
  let response: Response | undefined;
  try {
    sent = config.send(url, init);
    response = await (deadline === undefined ? sent : deadline.race(sent));
    const result = resultOf(config, response);
    return await (deadline === undefined ? result : deadline.race(result));
  } catch (error) {
    const timedOut = error === EXPIRED;
    if (timedOut && response === undefined) releaseWhenAnswered(sent!);
    throw failureOf(error, config, { url, signal: params.signal, timedOut, response });
  } finally {
    deadline?.clear();
  }
}
