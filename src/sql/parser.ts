import { withLiftoffOnly } from "../util/liftoff.js";

/**
 * PostgreSQL's own parser (libpg-query, PostgreSQL 18 grammar, WebAssembly). Loaded on first use only: importing it
 * costs ~60 ms and most commands on a live database never parse SQL.
 */
export type PgParser = typeof import("libpg-query");

let loading: Promise<PgParser> | undefined;
/** The package's JavaScript, imported: by then its WebAssembly is being compiled (off the main thread). */
let imported: Promise<unknown> | undefined;

export function loadParser(): Promise<PgParser> {
  // Baseline-compiled only (see util/liftoff.ts): the parser runs a few hundred milliseconds at most, and optimizing
  // it in the background made the process wait 0.2 – 0.3 s at exit.
  loading ??= withLiftoffOnly(async () => {
    imported = import("libpg-query");
    const parser = (await imported) as PgParser;
    await parser.loadModule();
    return parser;
  });
  return loading;
}

/**
 * Starts loading the parser and resolves once its WebAssembly is compiling, not compiled: a command that will parse
 * awaits this, then imports its own modules while the compile runs on other threads.
 */
export async function startParser(): Promise<void> {
  loadParser().catch(() => undefined);
  await imported?.catch(() => undefined);
}
