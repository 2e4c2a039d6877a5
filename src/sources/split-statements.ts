import { loadParser, type PgParser } from "../sql/parser.js";

/** One statement of a script, with where it starts in the script (a JS string index). */
export interface ScriptStatement {
  readonly text: string;
  readonly offset: number;
  /** The top-level parse node name, e.g. `CreateStmt`, `IndexStmt`. */
  readonly kind: string;
  /** Must be sent on its own, outside a transaction block. */
  readonly mustRunAlone: boolean;
}

let parser: PgParser | undefined;

/** The parser's WebAssembly module loads once per process (~50 ms). */
export async function ensureParser(): Promise<void> {
  parser ??= await loadParser();
}

/**
 * Splits a script into statements with PostgreSQL's own parser (libpg-query, PostgreSQL 18 grammar), so semicolons
 * inside strings, dollar quotes, comments and `BEGIN ATOMIC` bodies are handled as the server would. Returns
 * `undefined` when the parser rejects the text: the caller then sends the script whole and lets the server speak
 * (its grammar may be older: PostgreSQL 15 accepts a parameter named `json`, the 18 grammar does not).
 */
export function splitStatements(script: string): ScriptStatement[] | undefined {
  if (!parser) throw new Error("call ensureParser() before splitStatements()");
  let parsed: ReturnType<PgParser["parseSync"]>;
  try {
    parsed = parser.parseSync(script);
  } catch {
    return undefined;
  }
  const bytes = Buffer.from(script, "utf8");
  // Parser offsets count UTF-8 bytes; JS strings count UTF-16 units.
  const ascii = bytes.length === script.length;
  const toIndex = ascii ? (byteOffset: number): number => byteOffset : byteToIndex(script);
  const statements: ScriptStatement[] = [];
  for (const raw of parsed.stmts ?? []) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const offset = toIndex(start);
    const text = script.slice(offset, toIndex(end));
    const node = (raw.stmt ?? {}) as Record<string, Record<string, unknown>>;
    const kind = Object.keys(node)[0] ?? "Unknown";
    statements.push({ text, offset, kind, mustRunAlone: mustRunAlone(kind, node[kind] ?? {}) });
  }
  return statements;
}

/** Statements PostgreSQL refuses inside a transaction block (psql sends every statement alone anyway). */
function mustRunAlone(kind: string, node: Record<string, unknown>): boolean {
  switch (kind) {
    case "IndexStmt":
    case "ReindexStmt":
      return node.concurrent === true || hasConcurrentOption(node);
    case "DropStmt":
      return node.concurrent === true;
    case "VacuumStmt":
    case "CreatedbStmt":
    case "DropdbStmt":
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
    case "AlterSystemStmt":
    case "CreateSubscriptionStmt":
      return true;
    case "AlterTableStmt":
      // ALTER TABLE … DETACH PARTITION … CONCURRENTLY
      return JSON.stringify(node).includes('"concurrent":true');
    default:
      return false;
  }
}

function hasConcurrentOption(node: Record<string, unknown>): boolean {
  const params = node.params as { DefElem?: { defname?: string } }[] | undefined;
  return params?.some((p) => p.DefElem?.defname === "concurrently") ?? false;
}

/**
 * UTF-8 byte offset → UTF-16 index, by one pass over the string (decoding the prefix for every statement was
 * quadratic on scripts with a single non-ASCII character).
 */
export function byteToIndex(script: string): (byteOffset: number) => number {
  const starts: number[] = [];
  let bytes = 0;
  for (let i = 0; i < script.length; i++) {
    const code = script.charCodeAt(i);
    starts[bytes] = i;
    // A surrogate pair is one 4-byte character spanning two UTF-16 units.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < script.length) {
      bytes += 4;
      i++;
    } else bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  starts[bytes] = script.length;
  return (byteOffset) => starts[byteOffset] ?? script.length;
}
