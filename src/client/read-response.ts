/**
 * A response read into a call's result: its body read within `maxResponseBytes`, an error body handed back
 * as the provider wrote it, a participant checked against the contract when asked.
 */
import { describeValue } from "../contract/describe-value.js";
import type { ErrorBody, Participant, Provider } from "../contract/providers.js";
import { validateParticipant } from "../contract/validate.js";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import { readAtMost } from "../web/read-at-most.js";
import type { ClientConfiguration } from "./configuration.js";
import type { UpdateParticipantResult } from "./types.js";

const utf8 = new TextDecoder();

/**
 * The body as text, at most `limit` bytes of it as decoded: memory stays bounded. A body sent as it is
 * (no Content-Encoding) whose Content-Length is within the limit is read whole (fetch ends it at that
 * length); any other is read chunk by chunk and cancelled once past the limit. An encoded body's
 * Content-Length counts the compressed bytes, which fetch decodes: 200 kB of gzip can decode to 200 MB.
 */
async function readText(response: Response, limit: number): Promise<string> {
  if (response.body === null) return "";
  const declared = response.headers.get("content-length");
  const plain = declared !== null && !response.headers.has("content-encoding");
  if (plain && /^\d+$/.test(declared) && Number(declared) <= limit) return response.text();
  const bytes = await readAtMost(response.body, limit);
  if (bytes === "tooLarge") throw new ResponseTooLargeError(response, limit);
  return utf8.decode(bytes);
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A call's result from its response: `data` on a 2xx (checked when asked), `error` otherwise. */
export async function resultOf<P extends Provider>(
  config: ClientConfiguration<P>,
  response: Response,
): Promise<UpdateParticipantResult<P>> {
  const text = await readText(response, config.maxResponseBytes);
  if (!response.ok) {
    const error = readJson(text);
    return { error: (error.ok ? error.value : text) as ErrorBody<P> | string, response };
  }
  const json = readJson(text);
  if (!json.ok) {
    throw new ResponseValidationError(response, text, [
      { code: "invalid_json", path: "", message: "is not JSON", expected: "a participant as JSON", received: describeValue(text) },
    ]);
  }
  if (config.validateResponses) {
    const checked = validateParticipant(config.provider, json.value);
    if (!checked.ok) throw new ResponseValidationError(response, json.value, checked.errors);
  }
  return { data: json.value as Participant<P>, response };
}
