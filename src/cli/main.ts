#!/usr/bin/env node
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { runCleanups } from "../sources/cleanup.js";
import { liftoffOnlyForProcess } from "../util/liftoff.js";
import { run } from "./run.js";

// Before any WebAssembly is compiled (PGlite, the parser): see util/liftoff.ts for what it saves.
liftoffOnlyForProcess();

// The only module that touches the process: streams, signals, exit code.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\ninterrupted: cleaning up…\n`);
    void runCleanups().finally(() => process.exit(130));
  });
}

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  },
});
await runCleanups();
process.exitCode = code;
