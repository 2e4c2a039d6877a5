import { alterCommands, optionOn, rangeVarName } from "../ast.js";
import type { Node, Statement } from "../statements.js";

/**
 * What the earlier statements of the same migration file did, for rules that need more than `MigrationState` keeps
 * (statement_timeout, indexes and partitioned tables created here, indexes dropped IF EXISTS, nullable columns…):
 * `const history = earlierStatements()` at module level, `history(statement)` in the hook. Every earlier statement
 * is there, those silenced for the rule included.
 */
export function earlierStatements(): (statement: Statement) => readonly Statement[] {
  return earlierOf;
}

/**
 * One slice per statement, shared by every rule that asks (22 rules slicing a 3,500-statement dump for each
 * statement was a tenth of the lint time). A cache of the last statement asked about, not state: the answer depends
 * on the statement alone.
 */
let last: { statement: Statement; earlier: readonly Statement[] } | undefined;
function earlierOf(statement: Statement): readonly Statement[] {
  if (last?.statement !== statement) {
    last = { statement, earlier: statement.file.slice(0, statement.index) };
    prefixes.add(last.earlier);
  }
  return last.earlier;
}

/** The slices `earlierOf` made: each is the first statements of its file, so a fold over it can resume. */
const prefixes = new WeakSet<readonly Statement[]>();

type FoldMemo<A> = WeakMap<readonly Statement[], { next: number; acc: A }>;

/**
 * `step` over `earlier` in order, from `init()`, then `read` the answer out. When `earlier` is a history slice the
 * fold resumes where the last one over the same file stopped (rules ask for every statement of a dump what all the
 * statements before it did: quadratic when each call starts over); otherwise it starts from the beginning.
 */
function fold<A, R>(memo: FoldMemo<A>, earlier: readonly Statement[], init: () => A, step: (acc: A, statement: Statement) => void, read: (acc: A) => R): R {
  const file = earlier[0]?.file;
  if (file === undefined || !prefixes.has(earlier)) {
    const acc = init();
    for (const s of earlier) step(acc, s);
    return read(acc);
  }
  let m = memo.get(file);
  if (m === undefined || m.next > earlier.length) {
    m = { next: 0, acc: init() };
    memo.set(file, m);
  }
  for (; m.next < earlier.length; m.next++) step(m.acc, file[m.next]!);
  return read(m.acc);
}

/** `schema.name` of a dotted name list (`[{String}]`); unqualified names are in `public`. */
export function qualifiedName(parts: readonly string[]): string {
  return parts.length > 1 ? parts.slice(-2).join(".") : `public.${parts[0] ?? "?"}`;
}

/** The objects a DROP statement names, as `schema.name`. */
export function droppedObjects(node: Node): string[] {
  return ((node.objects ?? []) as Node[]).map((o) => qualifiedName(((o.List as Node | undefined)?.items as Node[] | undefined)?.map((i) => (i.String as Node).sval as string) ?? []));
}

/** `schema.name` of the index a CREATE INDEX makes (it lives in its table's schema); undefined when unnamed. */
export function createdIndexName(node: Node): string | undefined {
  if (!node.idxname) return undefined;
  return `${((node.relation as Node | undefined)?.schemaname as string | undefined) ?? "public"}.${node.idxname as string}`;
}

/** Whether `SET statement_timeout` is in effect after `earlier` (RESET, DEFAULT and 0 turn it off; SET LOCAL lasts until the transaction ends). */
export function statementTimeoutSet(earlier: readonly Statement[]): boolean {
  return fold(timeoutMemo, earlier, () => ({ session: false, local: false, inTransaction: false }), timeoutStep, (t) => t.session || t.local);
}

interface TimeoutState {
  session: boolean;
  local: boolean;
  inTransaction: boolean;
}
const timeoutMemo: FoldMemo<TimeoutState> = new WeakMap();

function timeoutStep(t: TimeoutState, { kind, node }: Statement): void {
  if (kind === "TransactionStmt") {
    const k = node.kind as string;
    if (k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") t.inTransaction = true;
    if (k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") {
      t.inTransaction = false;
      t.local = false;
    }
  } else if (kind === "VariableSetStmt" && node.name === "statement_timeout") {
    const off = node.kind === "VAR_RESET" || node.kind === "VAR_SET_DEFAULT" || JSON.stringify(node.args ?? []).match(/"ival":\{\}|"ival":0\b|"sval":"0"/) !== null;
    if (node.is_local) {
      // SET LOCAL outside a transaction block has no effect (PostgreSQL warns).
      if (t.inTransaction) t.local = !off;
    } else {
      t.session = !off;
      if (off) t.local = false;
    }
  } else if (kind === "VariableSetStmt" && node.kind === "VAR_RESET_ALL") {
    t.session = false;
    t.local = false;
  }
}

/** Tables created `PARTITION BY` in `earlier` (`schema.table`). */
export function partitionedTablesCreated(earlier: readonly Statement[]): Set<string> {
  return fold(partitionedMemo, earlier, () => new Set<string>(), addPartitioned, (tables) => new Set(tables));
}

const partitionedMemo: FoldMemo<Set<string>> = new WeakMap();

function addPartitioned(tables: Set<string>, s: Statement): void {
  if (s.kind === "CreateStmt" && s.node.partspec) tables.add(rangeVarName(s.node.relation as Node));
}

/**
 * Whether the last thing `earlier` did with constraint `name` on `table` was `DROP CONSTRAINT IF EXISTS` (an ADD or a
 * plain DROP since then says no): an ADD CONSTRAINT after it can be run again.
 */
export function constraintDroppedIfExists(earlier: readonly Statement[], table: string, name: string): boolean {
  return fold(constraintMemo, earlier, () => new Map<string, boolean>(), stepConstraints, (m) => m.get(`${table}\u0000${name}`) === true);
}

const constraintMemo: FoldMemo<Map<string, boolean>> = new WeakMap();

function stepConstraints(dropped: Map<string, boolean>, s: Statement): void {
  if (s.kind !== "AlterTableStmt") return;
  const table = rangeVarName(s.node.relation as Node);
  for (const c of alterCommands(s.node)) {
    if (c.subtype === "AT_DropConstraint") dropped.set(`${table}\u0000${c.name as string}`, c.missing_ok === true);
    const added = c.subtype === "AT_AddConstraint" ? (((c.def as Node).Constraint as Node | undefined)?.conname as string | undefined) : undefined;
    if (added) dropped.set(`${table}\u0000${added}`, false);
  }
}

/** Columns that `earlier` shows to be nullable on `table`: added without NOT NULL / PRIMARY KEY / identity, or DROP NOT NULL, and not made NOT NULL since (SET NOT NULL, or a NOT NULL constraint, PG18). */
export function knownNullableColumns(earlier: readonly Statement[], table: string): Set<string> {
  const nullable = new Set<string>();
  for (const { kind, node } of earlier) {
    if (kind !== "AlterTableStmt" || rangeVarName(node.relation as Node) !== table) continue;
    for (const c of alterCommands(node)) {
      if (c.subtype === "AT_AddColumn") {
        const def = (c.def as Node).ColumnDef as Node;
        const notNull = ((def.constraints ?? []) as Node[]).some((x) => ["CONSTR_NOTNULL", "CONSTR_PRIMARY", "CONSTR_IDENTITY"].includes((x.Constraint as Node | undefined)?.contype as string));
        if (notNull) nullable.delete(def.colname as string);
        else nullable.add(def.colname as string);
      } else if (c.subtype === "AT_AddConstraint" && ((c.def as Node).Constraint as Node | undefined)?.contype === "CONSTR_NOTNULL") {
        for (const k of ((((c.def as Node).Constraint as Node).keys ?? []) as Node[])) nullable.delete((k.String as Node).sval as string);
      } else if (c.subtype === "AT_DropNotNull") nullable.add(c.name as string);
      else if (c.subtype === "AT_SetNotNull") nullable.delete(c.name as string);
      else if (c.subtype === "AT_DropColumn") nullable.delete(c.name as string);
    }
  }
  return nullable;
}

/** Whether a VacuumStmt is `VACUUM FULL` (`(FULL false)`, `(FULL off)`, `(FULL 0)` turn the option off). */
export function vacuumFull(node: Node): boolean {
  return node.is_vacuumcmd === true && optionOn(node.options, "full");
}

/** Schemas a search_path entry can name that an unqualified CREATE or lookup does not land in, for this purpose. */
const NOT_TARGETS = new Set(["$user", "pg_catalog", "pg_temp"]);

/**
 * The schema an unqualified table name means after `earlier`: the first schema of the last `SET search_path`
 * (`"$user"`, `pg_catalog` and `pg_temp` skipped), `public` when none was set or it was reset. Dumps and
 * concatenated migrations switch schemas this way (`SET search_path = cover_art_archive; CREATE TABLE cover_art …`).
 * Lookups of existing tables search every schema of the path in order; the first is the best guess from the text.
 */
export function searchPathSchema(earlier: readonly Statement[]): string {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const set = searchPathSet(earlier[i]!);
    if (set !== undefined) return set;
  }
  return "public";
}

/** The schema a statement makes unqualified names land in, when it is a `SET search_path` (or RESET). */
function searchPathSet({ kind, node }: Statement): string | undefined {
  if (kind !== "VariableSetStmt") return undefined;
  if (node.kind === "VAR_RESET_ALL") return "public";
  if (node.name !== "search_path") return undefined;
  if (node.kind !== "VAR_SET_VALUE") return "public";
  const schemas = ((node.args ?? []) as Node[]).map((a) => ((a.A_Const as Node | undefined)?.sval as Node | undefined)?.sval as string | undefined);
  return schemas.find((s): s is string => s !== undefined && !NOT_TARGETS.has(s)) ?? "public";
}

/** `schema.name` of a RangeVar, an unqualified one in `unqualified`. */
export const resolvedName = (rv: Node, unqualified: string): string => `${(rv.schemaname as string | undefined) ?? unqualified}.${rv.relname as string}`;

/**
 * Tables, materialized views and views (not `CREATE OR REPLACE`: that may be an existing one) that `earlier`
 * created, each in the schema the search_path in effect at its creation put it (`MigrationState.createdTables`
 * takes unqualified names as `public`).
 */
export function relationsCreated(earlier: readonly Statement[]): Set<string> {
  const out = new Set<string>();
  let path = "public";
  for (const statement of earlier) {
    const { kind, node } = statement;
    path = searchPathSet(statement) ?? path;
    const rv = kind === "CreateStmt" ? node.relation : kind === "CreateTableAsStmt" ? (node.into as Node | undefined)?.rel : kind === "ViewStmt" && !node.replace ? node.view : undefined;
    if (rv) out.add(resolvedName(rv as Node, path));
  }
  return out;
}
