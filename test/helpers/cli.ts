import { spawn } from "node:child_process";
import { run } from "../../src/cli/run.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process with captured streams. */
export async function cli(...argv: string[]): Promise<CliResult & { files: Map<string, string> }> {
  let stdout = "";
  let stderr = "";
  const files = new Map<string, string>();
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    writeFile: (p, t) => files.set(p, t),
  });
  return { code, stdout, stderr, files };
}

const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** Runs the CLI as a child process (`node --import tsx src/cli/main.ts`), for signals and real exit codes. */
export function cliProcess(argv: readonly string[], onStderr?: (chunk: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
