/** Every provider the mock plays, by the spec's provider name. */
import type { Provider } from "../../../contract/providers.js";
import type { MockProvider } from "./mock-provider.js";
import { signalwire } from "./signalwire.js";
import { telnyx } from "./telnyx.js";
import { twilio } from "./twilio.js";

export const mockProviders: Readonly<Record<Provider, MockProvider>> = { signalwire, telnyx, twilio };
export type { ErrorAnswer, MockProvider, ParticipantJson } from "./mock-provider.js";
