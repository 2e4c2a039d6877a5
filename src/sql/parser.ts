/**
 * PostgreSQL's own parser (libpg-query, PostgreSQL 18 grammar, WebAssembly). Loaded on first use only: importing it
 * costs ~60 ms and most commands on a live database never parse SQL.
 */
export type PgParser = typeof import("libpg-query");

let loading: Promise<PgParser> | undefined;

export function loadParser(): Promise<PgParser> {
  loading ??= import("libpg-query").then(async (parser) => {
    await parser.loadModule();
    return parser;
  });
  return loading;
}
