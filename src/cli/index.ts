#!/usr/bin/env node
/** `conference-participants`: validate-request, validate-response, mock. */
import { printable } from "../contract/violations.js";
import { readStandardInput } from "../node/bounded-read.js";
import { runCli } from "./run.js";

/** Output to a pipe that was closed (`… | head -c 10`) is dropped quietly: the reader wanted no more. */
function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", () => {
    closed = true;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}

runCli(process.argv.slice(2), {
  stdout: quietWriter(process.stdout),
  stderr: quietWriter(process.stderr),
  stdin: () => readStandardInput(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`conference-participants: ${error instanceof Error ? printable(error.message) : "failed"}\n`);
    process.exitCode = 2;
  },
);
