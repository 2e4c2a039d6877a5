/**
 * One table's plan: which columns are inserted and how each is generated, its foreign keys (widest first), its
 * unique keys and the CHECK facts its rows must meet. Pure: built from the catalog alone.
 */
import type { Column, ForeignKeyConstraint, Index, QualifiedName, Table } from "../catalog/model.js";
import type { PgParser } from "../sql/parser.js";
import { type Atom, checkFacts, renameColumn } from "./check-atoms.js";
import { type ColumnBounds, gatherBounds } from "./column-bounds.js";
import type { ColumnKind, ColumnKinds } from "./column-kind.js";
import { isOrdinal } from "./ordinal.js";
import { columnName, functionName, list, nodeOf, parseExpression, referencedColumns, uncast } from "./pg-node.js";
import { textMaker } from "./semantic-text.js";
import { type Choice, partitionChoice } from "./table-choices.js";
import { type UniqueKey, uniqueKeyOf } from "./unique-keys.js";
import type { ColumnSpec } from "./value-generator.js";

export interface ForeignKeyPlan {
  readonly name: string;
  readonly columns: readonly string[];
  /** The filled table it points to (a partition's partitioned root); `undefined`: a table not being filled. */
  readonly parent: string | undefined;
  readonly parentColumns: readonly string[];
  /** Its columns that may be NULL. */
  readonly nullable: readonly string[];
  readonly matchFull: boolean;
  /** Its columns hold a whole unique key: each parent row is used once. */
  readonly exclusive: boolean;
  readonly self: boolean;
  readonly deferrable: boolean;
  /**
   * Where a cycle was cut: its child is filled before its parent. `nullable`: inserted NULL, most rows pointed at
   * parent rows by UPDATE once they exist; `deferred` (NOT NULL, DEFERRABLE): inserted deferred with placeholder
   * values, every row pointed at a parent row, then checked.
   */
  readonly cycle?: "nullable" | "deferred";
}

export interface TablePlan {
  readonly table: QualifiedName;
  /** `qname` of the table: how plans and kept rows are keyed. */
  readonly key: string;
  readonly rows: number;
  /** Every inserted column, in the order values are generated (`a` before `b` when a CHECK says `a < b`). */
  readonly columns: readonly ColumnSpec[];
  /** Widest first, so a composite key fixes shared columns before a narrower key reads them. */
  readonly foreignKeys: readonly ForeignKeyPlan[];
  readonly uniqueKeys: readonly UniqueKey[];
  /** CHECK facts that hold for every row. */
  readonly bounds: ReadonlyMap<string, ColumnBounds>;
  /** Facts with alternatives: one is picked per row. */
  readonly choices: readonly Choice[];
  /** Columns whose inserted values are kept (read back with RETURNING): the ones foreign keys point at. */
  readonly keep: readonly string[];
  /** Constraint name → its columns, to know what to change when the database rejects a row. */
  readonly constraintColumns: ReadonlyMap<string, readonly string[]>;
  /** Why the table is not filled. */
  readonly skip?: string;
}

export interface TablePlanInput {
  readonly parser: PgParser;
  readonly kinds: ColumnKinds;
  readonly table: Table;
  readonly key: string;
  readonly rows: number;
  readonly indexes: readonly Index[];
  readonly partitions: readonly Table[];
  /** The filled table a referenced table stands for (itself, or its partitioned root); `undefined` if not filled. */
  readonly filledAs: (table: QualifiedName) => string | undefined;
  /** Columns other tables' foreign keys point at, plus the primary key. */
  readonly keep: readonly string[];
}

const DEFAULT_PREFERRED: ReadonlySet<string> = new Set(["ltree", "tsvector", "tsquery", "hstore", "xml", "bit"]);
const SOFT_DELETE = /(^|_)(deleted|archived|removed|purged)(_at|_on)?$/;
const MOSTLY_TRUE = /^(is_|has_)?(active|enabled|visible|published|verified|confirmed|valid|available|public)$/;
const MOSTLY_FALSE = /deleted|archived|locked|banned|disabled|hidden|blocked|spam|suspended|private/;

export function planTable(input: TablePlanInput): TablePlan {
  const { parser, kinds, table } = input;
  const kindOf = new Map(table.columns.map((c) => [c.name, kinds.of(c.type)]));
  // Left to the database: identities, serials, generated columns, unknown types that have a default or may be NULL,
  // and kinds whose meaning a generator can only guess (an ltree path, a tsvector) when they have a default.
  const unknownOptional = (c: Column): boolean => {
    const kind = kindOf.get(c.name)!.scalar.kind;
    return (kind === "unsupported" && (c.default !== undefined || !c.notNull)) || (DEFAULT_PREFERRED.has(kind) && c.default !== undefined);
  };
  const generatedByDatabase = new Set(table.columns.filter((c) => isDatabaseGenerated(c) || unknownOptional(c)).map((c) => c.name));
  const inserted = table.columns.filter((c) => !generatedByDatabase.has(c.name));
  const caseInsensitive = new Set(inserted.filter((c) => isCaseInsensitive(kindOf.get(c.name)!)).map((c) => c.name));

  const uniqueKeys = input.indexes
    .filter((i) => i.unique && !i.invalid)
    .map((i) => uniqueKeyOf(parser, i, generatedByDatabase, caseInsensitive))
    .filter((k): k is UniqueKey => k !== undefined);
  const foreignKeys = table.constraints
    .filter((c): c is ForeignKeyConstraint => c.kind === "foreign-key" && !c.notEnforced)
    .map((fk) => foreignKeyPlan(fk, table, input, uniqueKeys))
    .sort((a, b) => b.columns.length - a.columns.length || a.name.localeCompare(b.name));

  const staticAtoms: Atom[] = [];
  const choices: Choice[] = [];
  const constraintColumns = new Map<string, readonly string[]>();
  for (const c of table.constraints) {
    if (c.kind === "check" && !c.notEnforced) {
      const facts = checkFacts(parser, c.expression);
      if (facts.alternatives.length === 1) staticAtoms.push(...facts.alternatives[0]!);
      else if (facts.alternatives.length > 1) choices.push(facts.alternatives);
      constraintColumns.set(c.name, referencedColumns(parseExpression(parser, c.expression)));
    } else if (c.kind === "foreign-key") constraintColumns.set(c.name, c.columns);
  }
  for (const k of uniqueKeys) constraintColumns.set(k.name, k.parts.flatMap((p) => (p.kind === "column" ? [p.column] : p.columns)));
  for (const column of inserted) {
    const kind = kindOf.get(column.name)!;
    if (kind.arrayDims > 0) continue;
    for (const check of kind.domainChecks) {
      const facts = checkFacts(parser, check);
      if (facts.alternatives.length === 1) staticAtoms.push(...renameColumn(facts.alternatives[0]!, "value", column.name));
      else if (facts.alternatives.length > 1) choices.push(facts.alternatives.map((a) => renameColumn(a, "value", column.name)));
    }
  }
  const partitions = partitionChoice(parser, table, input.partitions);
  if (partitions) choices.push(partitions);

  const windows = exclusionWindows(parser, table, input.indexes, kindOf);
  const fkColumns = new Set(foreignKeys.flatMap((f) => f.columns));
  const uniqueColumns = new Set(uniqueKeys.flatMap((k) => k.parts.flatMap((p) => (p.kind === "column" ? [p.column] : []))));
  const specs = inserted.map((column): ColumnSpec => {
    const kind = kindOf.get(column.name)!;
    const name = column.name.toLowerCase();
    const sequence = kind.arrayDims === 0 && kind.scalar.kind === "integer" && uniqueColumns.has(column.name) && !fkColumns.has(column.name);
    const window = windows.get(column.name);
    const unique = uniqueColumns.has(column.name) && kind.scalar.kind === "text";
    return {
      name: column.name,
      type: column.type,
      kind,
      notNull: column.notNull || kind.domainNotNull,
      // A column foreign keys point at is a key in practice: always set.
      nullChance: column.notNull || input.keep.includes(column.name) ? 0 : SOFT_DELETE.test(name) ? 0.9 : 0.2,
      text: textMaker(column.name, table.name),
      trueChance: MOSTLY_TRUE.test(name) ? 0.8 : MOSTLY_FALSE.test(name) ? 0.1 : 0.5,
      ...(sequence && !window ? { sequence: true as const } : {}),
      ...(window ? { window } : {}),
      ...(unique ? { unique: true as const } : {}),
    };
  });

  const allAtoms = [...staticAtoms, ...choices.flat(2)];
  const skip = skipReason(table, input.partitions, specs, foreignKeys, generatedByDatabase);
  return {
    table: { schema: table.schema, name: table.name },
    key: input.key,
    rows: input.rows,
    columns: generationOrder(specs, allAtoms),
    foreignKeys,
    uniqueKeys,
    bounds: gatherBounds(staticAtoms),
    choices,
    keep: input.keep,
    constraintColumns,
    ...(skip ? { skip } : {}),
  };
}

function isDatabaseGenerated(c: Column): boolean {
  return c.generated !== undefined || c.identity !== undefined || (c.default?.startsWith("nextval(") ?? false);
}

function isCaseInsensitive(kind: ColumnKind): boolean {
  return kind.scalar.kind === "text" && kind.scalar.caseInsensitive === true;
}

function foreignKeyPlan(fk: ForeignKeyConstraint, table: Table, input: TablePlanInput, keys: readonly UniqueKey[]): ForeignKeyPlan {
  const nullable = fk.columns.filter((c) => !table.columns.find((col) => col.name === c)?.notNull);
  const parent = input.filledAs(fk.references.table);
  return {
    name: fk.name,
    columns: fk.columns,
    parent,
    parentColumns: fk.references.columns,
    nullable,
    matchFull: fk.match === "full",
    exclusive: keys.some((k) => k.plainColumns !== undefined && k.plainColumns.every((c) => fk.columns.includes(c))),
    self: parent === input.key,
    deferrable: fk.deferrable === true,
  };
}

/** A foreign key that can be left unset: MATCH SIMPLE needs one NULL column, MATCH FULL all of them. */
export function canBeNull(fk: ForeignKeyPlan): boolean {
  return fk.matchFull ? fk.nullable.length === fk.columns.length : fk.nullable.length > 0;
}

function skipReason(
  table: Table, partitions: readonly Table[], specs: readonly ColumnSpec[], fks: readonly ForeignKeyPlan[], dbGenerated: ReadonlySet<string>,
): string | undefined {
  if (table.partitioning && partitions.length === 0) return "partitioned table without partitions: rows have nowhere to go";
  for (const fk of fks) {
    if (fk.parent === undefined && !canBeNull(fk)) {
      return `foreign key ${fk.name} references a table that is not being filled`;
    }
    if (fk.self && !canBeNull(fk) && fk.parentColumns.some((c) => dbGenerated.has(c))) {
      return `foreign key ${fk.name} is a NOT NULL self-reference to a key the database generates`;
    }
  }
  const fkColumns = new Set(fks.flatMap((f) => f.columns));
  for (const s of specs) {
    if (s.kind.scalar.kind === "unsupported" && s.notNull && !fkColumns.has(s.name)) {
      const column = table.columns.find((c) => c.name === s.name);
      if (column?.default === undefined) return `column ${s.name} has type ${s.kind.scalar.type}, which the generator does not know`;
    }
  }
  return undefined;
}

/** Columns compared by `&&` in an EXCLUDE: each row gets its own time window, so rows never overlap. */
function exclusionWindows(parser: PgParser, table: Table, indexes: readonly Index[], kinds: ReadonlyMap<string, ColumnKind>): Map<string, "start" | "end" | "range"> {
  const windows = new Map<string, "start" | "end" | "range">();
  for (const c of table.constraints) {
    if (c.kind !== "exclude") continue;
    const index = indexes.find((i) => i.constraint === c.name);
    for (const key of index?.keys ?? []) {
      if (key.column !== undefined) {
        const kind = kinds.get(key.column);
        if (kind?.scalar.kind === "range" && kind.arrayDims === 0) windows.set(key.column, "range");
        continue;
      }
      const [nodeKind, call] = nodeOf(uncast(parseExpression(parser, key.expression ?? ""))) ?? [];
      if (nodeKind !== "FuncCall" || !call || !/range$/.test(functionName(call))) continue;
      const [start, end] = list(call, "args").map(columnName);
      const startKind = start === undefined ? undefined : kinds.get(start)?.scalar;
      if (start === undefined || end === undefined || !startKind || !isOrdinal(startKind)) continue;
      windows.set(start, "start");
      windows.set(end, "end");
    }
  }
  return windows;
}

/** Table order, except that the lesser side of `a < b` comes before the greater. */
function generationOrder(specs: readonly ColumnSpec[], atoms: readonly Atom[]): ColumnSpec[] {
  const after = new Map<string, string[]>();
  for (const a of atoms) if (a.kind === "order") after.set(a.greater, [...(after.get(a.greater) ?? []), a.lesser]);
  const byName = new Map(specs.map((s) => [s.name, s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: ColumnSpec[] = [];
  const visit = (s: ColumnSpec): void => {
    if (done.has(s.name) || visiting.has(s.name)) return;
    visiting.add(s.name);
    for (const before of after.get(s.name) ?? []) {
      const b = byName.get(before);
      if (b) visit(b);
    }
    visiting.delete(s.name);
    done.add(s.name);
    out.push(s);
  };
  for (const s of specs) visit(s);
  return out;
}
