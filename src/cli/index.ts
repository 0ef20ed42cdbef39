#!/usr/bin/env node
/** `conference-participants`: validate-request, validate-response, mock. */
import { text } from "node:stream/consumers";
import { runCli } from "./run.js";

runCli(process.argv.slice(2), {
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  stdin: () => text(process.stdin),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`conference-participants: ${error instanceof Error ? error.message : "failed"}\n`);
    process.exitCode = 2;
  },
);
