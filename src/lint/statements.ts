import { pastTrivia } from "../sources/source-error.js";
import { byteToIndex } from "../sources/split-statements.js";
import type { PgParser } from "../sql/parser.js";
import type { Location } from "./finding.js";
import { rangeVarName } from "./ast.js";

/** A parse node: `{ KindName: { …fields } }` as libpg-query returns it. */
export type Node = Record<string, unknown>;

/** One statement of a migration file, as PostgreSQL's parser read it. */
export interface Statement {
  /** The top-level node's name: `CreateStmt`, `AlterTableStmt`, `IndexStmt`, … */
  readonly kind: string;
  /** The node's fields. */
  readonly node: Node;
  readonly text: string;
  /** 0-based position among the file's statements. */
  readonly index: number;
  /** Byte offset of the statement's first character in the file (parse-node locations are byte offsets too). */
  readonly byteStart: number;
  /** The comments right before it (where `-- pg-schema-ignore <rule>` goes). */
  readonly comments: string;
  /** Every statement of its file, in order (this one at `index`): what came before, and what a file-end check reads. */
  readonly file: readonly Statement[];
}

/** What the statements before this one did: rules read it, the runner keeps it. */
export interface MigrationState {
  /** Inside an explicit BEGIN … COMMIT. */
  readonly inTransaction: boolean;
  /**
   * Tables created earlier in this file (`schema.table`): new and empty, so locks and scans on them cost nothing.
   * Names rules look up are `rangeVarName`s (unqualified = `public`), so a table is listed under each name a later
   * statement may use for it: its own, the one it resolves to under the file's `SET search_path`, its name after a
   * `RENAME TO`, and a table made inside `CREATE SCHEMA … CREATE TABLE` under its schema.
   */
  readonly createdTables: ReadonlySet<string>;
  /** The first schema of the file's last `SET search_path` (`public` until then): where unqualified names go. */
  readonly searchPath: string;
  /** `SET lock_timeout` seen (and not reset) before this statement. */
  readonly lockTimeout: boolean;
  /** Constraints added NOT VALID in the open transaction: `schema.table.constraint`. */
  readonly notValidInTransaction: ReadonlySet<string>;
}

export interface ParsedMigration {
  readonly statements: readonly Statement[];
  /** File position of a byte offset. */
  readonly locate: (byteOffset: number) => Location;
}

export class MigrationSyntaxError extends Error {
  constructor(readonly location: Location, message: string) {
    super(message);
  }
}

/** Parses a file with libpg-query; a syntax error is thrown with its file position. */
export function parseMigration(parser: PgParser, file: string, text: string): ParsedMigration {
  const ascii = Buffer.byteLength(text, "utf8") === text.length;
  const toIndex = ascii ? (b: number): number => b : byteToIndex(text);
  const at = lineIndex(text);
  const locate = (byteOffset: number): Location => ({ file, ...at(toIndex(Math.max(0, byteOffset))) });
  let parsed: ReturnType<PgParser["parseSync"]>;
  try {
    parsed = parser.parseSync(text);
  } catch (e) {
    const cursor = (e as { cursorPosition?: number; sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? (e as { cursorPosition?: number }).cursorPosition;
    throw new MigrationSyntaxError(locate(cursor ?? 0), (e as Error).message);
  }
  const bytes = Buffer.byteLength(text, "utf8");
  let previousEnd = 0;
  const statements: Statement[] = [];
  for (const [index, raw] of (parsed.stmts ?? []).entries()) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes;
    const wrapper = (raw.stmt ?? {}) as Record<string, Node>;
    const kind = Object.keys(wrapper)[0] ?? "Unknown";
    // The statement's range may start with whitespace and comments (the first one's does); the spot is the first
    // keyword. The comments that belong to it are those since the previous statement's semicolon.
    const body = text.slice(toIndex(start), toIndex(end));
    const lead = pastTrivia(body);
    const comments = text.slice(toIndex(previousEnd), toIndex(start)).replace(/^;/, "") + body.slice(0, lead);
    previousEnd = end;
    statements.push({ kind, node: wrapper[kind] ?? {}, text: body.slice(lead).trim(), index, byteStart: start + Buffer.byteLength(body.slice(0, lead), "utf8"), comments, file: statements });
  }
  return { statements, locate };
}

/**
 * `lineColumn` for many positions of one text: the line starts are found once and each position by binary search
 * (a dump has thousands of statements and findings; scanning from the top for each was quadratic).
 */
function lineIndex(text: string): (index: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (index) => {
    // The last line start at or before index; a newline at index itself ends the line it is on.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! + 1 };
  };
}

/** The state after `statement`, given the state before it. */
export function nextState(state: MigrationState, statement: Statement): MigrationState {
  const { kind, node } = statement;
  if (kind === "TransactionStmt") {
    const k = node.kind as string;
    if (k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") return { ...state, inTransaction: true };
    if (k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") return { ...state, inTransaction: false, notValidInTransaction: new Set() };
    return state;
  }
  if (kind === "VariableSetStmt" && node.name === "lock_timeout") {
    const reset = node.kind === "VAR_RESET" || node.kind === "VAR_SET_DEFAULT" || JSON.stringify(node.args ?? []).match(/"ival":\{\}|"ival":0\b|"sval":"0"/) !== null;
    return { ...state, lockTimeout: !reset };
  }
  if (kind === "VariableSetStmt" && node.name === "search_path") {
    const first = ((node.args ?? []) as Node[])
      .map((a) => ((a.A_Const as Node | undefined)?.sval as Node | undefined)?.sval as string | undefined)
      .find((x) => x !== undefined && x !== "$user" && x !== "pg_catalog" && x !== "pg_temp");
    const searchPath = node.kind === "VAR_SET_VALUE" && first ? first : "public";
    // Tables made here in that schema are now reachable unqualified too.
    const created = new Set(state.createdTables);
    for (const t of state.createdTables) if (t.startsWith(`${searchPath}.`)) created.add(`public.${t.slice(searchPath.length + 1)}`);
    return { ...state, searchPath, createdTables: created };
  }
  if (kind === "CreateStmt" || kind === "CreateTableAsStmt") {
    const rv = (kind === "CreateStmt" ? node.relation : (node.into as Node | undefined)?.rel) as Node | undefined;
    if (rv) return withCreated(state, (rv.schemaname as string | undefined) ?? state.searchPath, rv.relname as string, rv.schemaname === undefined);
  }
  if (kind === "CreateSchemaStmt") {
    let next = state;
    for (const e of (node.schemaElts ?? []) as Node[]) {
      const rv = (e.CreateStmt as Node | undefined)?.relation as Node | undefined;
      if (rv) next = withCreated(next, (rv.schemaname as string | undefined) ?? (node.schemaname as string), rv.relname as string, false);
    }
    return next;
  }
  if (kind === "RenameStmt" && node.renameType === "OBJECT_TABLE" && state.createdTables.has(rangeVarName(node.relation as Node))) {
    const rv = node.relation as Node;
    return withCreated(state, (rv.schemaname as string | undefined) ?? state.searchPath, node.newname as string, rv.schemaname === undefined);
  }
  if (kind === "AlterTableStmt" && state.inTransaction) {
    const table = rangeVarName(node.relation as Node);
    const added = ((node.cmds ?? []) as Node[])
      .map((c) => c.AlterTableCmd as Node)
      .filter((c) => c.subtype === "AT_AddConstraint" && ((c.def as Node)?.Constraint as Node)?.skip_validation === true)
      .map((c) => `${table}.${((c.def as Node).Constraint as Node).conname as string}`);
    if (added.length) return { ...state, notValidInTransaction: new Set([...state.notValidInTransaction, ...added]) };
  }
  return state;
}

/**
 * Records a table made here under the names later statements may give it: `schema.name`, and `public.name` (how
 * `rangeVarName` writes an unqualified name) when it was written unqualified or lives in the search_path's schema.
 */
function withCreated(state: MigrationState, schema: string, name: string, unqualified: boolean): MigrationState {
  const created = new Set(state.createdTables).add(`${schema}.${name}`);
  if (unqualified || schema === state.searchPath) created.add(`public.${name}`);
  return { ...state, createdTables: created };
}

export const INITIAL_STATE: MigrationState = { inTransaction: false, createdTables: new Set(), lockTimeout: false, notValidInTransaction: new Set(), searchPath: "public" };
