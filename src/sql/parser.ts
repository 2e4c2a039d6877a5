import { setFlagsFromString } from "node:v8";

/**
 * PostgreSQL's own parser (libpg-query, PostgreSQL 18 grammar, WebAssembly). Loaded on first use only: importing it
 * costs ~60 ms and most commands on a live database never parse SQL.
 */
export type PgParser = typeof import("libpg-query");

let loading: Promise<PgParser> | undefined;
/** The package's JavaScript, imported: by then its WebAssembly is being compiled (off the main thread). */
let imported: Promise<unknown> | undefined;

export function loadParser(): Promise<PgParser> {
  loading ??= (async () => {
    // The parser's 1.7 MB of WebAssembly is compiled by the baseline compiler only (Liftoff). By default V8 also
    // recompiles the hot functions with its optimizing compiler on background threads, and the process waits for
    // those jobs before it exits: 0.2 – 0.3 s of a one-file lint, for code that runs a few hundred milliseconds at
    // most. The flag is read when a module is compiled, so it is set for this one and put back after: PGlite's
    // WebAssembly, compiled later, is optimized as usual.
    const liftoffOnly = !process.execArgv.includes("--liftoff-only") && setV8Flag("--liftoff-only");
    try {
      imported = import("libpg-query");
      const parser = (await imported) as PgParser;
      await parser.loadModule();
      return parser;
    } finally {
      if (liftoffOnly) setV8Flag("--no-liftoff-only");
    }
  })();
  return loading;
}

/** Sets a V8 flag where the runtime has them (not Bun, for one); whether it did. */
function setV8Flag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts loading the parser and resolves once its WebAssembly is compiling, not compiled: a command that will parse
 * awaits this, then imports its own modules while the compile runs on other threads.
 */
export async function startParser(): Promise<void> {
  loadParser().catch(() => undefined);
  await imported?.catch(() => undefined);
}
