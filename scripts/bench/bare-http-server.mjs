// The mock's baseline: a bare node:http server that reads the body and answers one fixed participant.
// `node scripts/bench/bare-http-server.mjs PORT`
import { createServer } from "node:http";

const participant = JSON.stringify({
  account_sid: "b3877c40-da60-4998-90ad-b792e98472af",
  call_sid: "b3877c40-da60-4998-90ad-b792e98472ca",
  call_sid_to_coach: null,
  coaching: false,
  conference_sid: "b3877c40-da60-4998-90ad-b792e98472cf",
  date_created: "Mon, 23 Nov 2026 10:30:33 +0000",
  date_updated: "Mon, 23 Nov 2026 10:30:33 +0000",
  end_conference_on_exit: false,
  hold: false,
  muted: true,
  start_conference_on_enter: true,
  status: "in-progress",
  uri: "/api/laml/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Conferences/b3877c40-da60-4998-90ad-b792e98472cf/Participants/b3877c40-da60-4998-90ad-b792e98472ca.json",
});
const length = Buffer.byteLength(participant);

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    Buffer.concat(chunks);
    res.writeHead(200, { "content-type": "application/json", "content-length": length });
    res.end(participant);
  });
}).listen(Number(process.argv[2]), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
