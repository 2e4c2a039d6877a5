import { setFlagsFromString } from "node:v8";

/**
 * WebAssembly compiled by V8's baseline compiler only (Liftoff). PGlite (8 MB of WebAssembly) and the SQL parser
 * (1.7 MB) are what this process compiles; by default V8 also recompiles their hot functions with its optimizing
 * compiler on background threads, and Node waits for those jobs before it exits. For a command-line run that costs
 * more than it returns: `design examples/shop.yaml` 3.2 – 3.6 s → 2.4 s, `inspect` of lemmy's schema file
 * 5.1 → 3.8 s, `design` of 200 entities 11.6 → 10.7 s, `plan` of lemmy from empty 7.6 → 7.7 s (CPU 9.6 → 8.2 s),
 * with 11 – 20 % less peak memory (measured 2026-11-26, 2 cores). The flag applies to modules compiled after it is set.
 */

let forProcess = false;

/** Sets a V8 flag where the runtime has them (not Bun, for one); whether it did. */
function setV8Flag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

/** Baseline-only WebAssembly for the rest of the process (the CLI sets it first thing). */
export function liftoffOnlyForProcess(): void {
  forProcess = process.execArgv.includes("--liftoff-only") || setV8Flag("--liftoff-only");
}

/**
 * Runs `compile` with baseline-only WebAssembly and puts the default back after, unless the whole process has it:
 * a library caller's own WebAssembly is left to V8's defaults.
 */
export async function withLiftoffOnly<T>(compile: () => Promise<T>): Promise<T> {
  const set = !forProcess && !process.execArgv.includes("--liftoff-only") && setV8Flag("--liftoff-only");
  try {
    return await compile();
  } finally {
    if (set) setV8Flag("--no-liftoff-only");
  }
}
