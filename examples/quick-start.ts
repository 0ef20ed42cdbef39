// A typed update against the mock that `npm start` runs: `npx tsx examples/quick-start.ts`.
import { createSignalWireClient } from "conference-participants";

const signalwire = createSignalWireClient({
  space: "example",
  projectId: "b3877c40-da60-4998-90ad-b792e98472af", // the mock's built-in test credentials
  apiToken: "PTmock-signalwire-api-token",
  baseUrl: process.env.MOCK_URL ?? "http://127.0.0.1:4010",
});

const { data, error, response } = await signalwire.updateParticipant({
  conferenceSid: "b3877c40-da60-4998-90ad-b792e98472cf",
  callSid: "b3877c40-da60-4998-90ad-b792e98472ca",
  body: { Muted: true, Hold: true, HoldUrl: "https://www.your-application.com/hold.mp3" },
});
if (error !== undefined) throw new Error(`HTTP ${response.status}: ${JSON.stringify(error)}`);
console.log(`muted: ${data.muted}, on hold: ${data.hold}, updated ${data.date_updated}`);
