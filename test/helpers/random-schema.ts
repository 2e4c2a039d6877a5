import fc from "fast-check";

/**
 * A seeded random generator of schema pairs for the planner's property tests (test/plan/property.test.ts): a base
 * schema and a mutation of it, both as SQL text.
 *
 * fast-check draws a *recipe* (plain records of small numbers and flags); `buildPair` turns it into a model of a
 * small schema world, applies the recipe's edits to a copy, repairs what the edits left dangling (`normalize`) and
 * renders both models as SQL. References are indices taken modulo what exists, so every recipe — including every
 * shrunk one — gives two valid schemas. Expressions (defaults, CHECKs, policies, index keys, view filters) are
 * rendered from the column's current type, so a type change carries them along. Every pair changes something:
 * when a recipe's edits all find nothing to act on, another edit kind is applied.
 *
 * What the generator covers:
 * - one or two schemas (`public`, `app`); 1–5 tables in the base, more added by edits;
 * - column types integer, bigint, text, varchar(n), numeric(p,s), boolean, timestamptz, jsonb, uuid, an enum
 *   (`public.mood`) and a domain over integer or bigint with a CHECK (`public.amount`);
 * - NOT NULL; defaults: constants, now(), gen_random_uuid(), nextval of a standalone sequence, a call of a SQL or
 *   PL/pgSQL function; identity columns (BY DEFAULT / ALWAYS), serial and bigserial;
 * - primary keys (on `id`, composite, none), UNIQUE (one or two columns), CHECK (plain, or calling a function),
 *   foreign keys to a table's `id` (self-references and cycles included; ON DELETE actions) whose column takes the
 *   type of the referenced key;
 * - indexes: btree on one or two columns, partial, expression, unique; on a materialized view too;
 * - views over tables and over earlier views (column lists, WHERE), materialized views (rows or an aggregate);
 * - standalone sequences (increment, start); a trigger function and BEFORE/AFTER row triggers;
 * - row level security and policies (all commands, USING / WITH CHECK); comments on tables, columns, views, the
 *   enum and sequences;
 * - edits: add/drop table; add/drop column; column type changes (widening, narrowing, another type with a cast,
 *   any type — the last may have no cast at all); NOT NULL on/off; default set/change/drop; identity on/off;
 *   add/drop CHECK, UNIQUE, foreign key; primary key dropped/moved; add/drop/change index; add/drop/change view and
 *   materialized view; enum label added (anywhere) or removed; enum, domain and functions created or dropped (their
 *   users fall back to text / integer / constants); domain CHECK and base type; function bodies, language and
 *   argument type; trigger on/off/events; sequence options, add/drop; RLS on/off; policies add/drop/change;
 *   comments add/change/drop. Edits cascade like `DROP … CASCADE` would (a dropped column leaves the views, indexes,
 *   constraints and policies that named it).
 *
 * `GAPS` lists what a caller can leave out (test/plan/property.test.ts leaves out the planner's known gaps).
 *
 * What it does not cover: renames (objects pair by name; rename hints are not exercised), rows (provePlan proves
 * on empty tables: data-dependent failures are the fixture suite's job), partitioning and inheritance, generated
 * columns, other index methods (GIN, GiST, …), exclusion constraints, deferrable constraints, collations, arrays,
 * composite and range types, other routines (procedures, aggregates, overloads), rules, owners and privileges
 * (everything is owned by the loading role), extensions, event triggers, text search, foreign tables, quoted or
 * mixed-case identifiers, more than one enum or domain, tables with no column, views over joins, enum label
 * reordering or renaming, sequence OWNED BY (other than serial's), comments on materialized views,
 * CHECK and policy expressions beyond one column each, plan options (offline plans, owners/privileges off).
 */

export const TYPE_KINDS = ["int", "bigint", "text", "varchar", "numeric", "boolean", "timestamptz", "jsonb", "uuid", "enum", "domain"] as const;
export type TypeKind = (typeof TYPE_KINDS)[number];

export const EDIT_KINDS = [
  "addColumn", "dropColumn", "changeType", "toggleNotNull", "changeDefault", "toggleIdentity",
  "addTable", "dropTable", "addCheck", "dropCheck", "addUnique", "dropUnique", "addForeignKey", "dropForeignKey",
  "changePrimaryKey", "addIndex", "dropIndex", "changeIndex", "addView", "dropView", "changeView",
  "addMatview", "dropMatview", "changeMatview", "addEnumLabel", "removeEnumLabel", "toggleGlobal",
  "changeDomain", "changeFunction", "toggleTrigger", "changeSequence", "toggleRls", "addPolicy", "dropPolicy",
  "changePolicy", "changeComment",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/**
 * Parts of the schema world the generator can be told to leave out, so a test can stay green while the planner
 * has a known gap there (see KNOWN_PLANNER_GAPS in test/plan/property.test.ts). An edit that would need what is
 * left out does nothing instead (another edit of the pair, or the fallback edit, still changes something).
 */
export const GAPS = {
  "uncastable-type-change": "a column type change between types without a cast (integer → uuid, boolean → jsonb, …)",
  "drop-middle-column": "dropping a column that is not its table's last (going back must add it before others)",
  "two-column-changes": "adding or dropping more than one column of a table in one pair (going back adds them in another order)",
  "drop-commented": "dropping, or changing in a way that rebuilds, a column, view or enum that has a comment",
  "retype-policy-column": "a type change of a column a policy names",
  "retype-check-column": "a type change of a column a CHECK constraint names",
  "retype-indexed-column": "a type change of a column an index names",
  "retype-referenced-key": "a type change of a key a foreign key references",
  "retype-identity-column": "a type change of an identity column",
  "identity-over-default": "making a column with a default an identity column (going back sets the default again)",
  "primary-key-nullable": "a nullable column moving into or out of a primary key (it is NOT NULL only while in the key)",
  "key-with-foreign-key": "a primary key added or dropped together with a foreign key that references it",
  "retype-defaulted-column": "a type change of a column that has a default, to another kind of type (text → uuid; integer → bigint stays)",
  "enum-rebuild": "removing an enum label, or adding one before others (both rebuild the type; going back from an added label does too)",
  "enum-label-default-change": "adding or removing the enum's first or last label while a column default names it (the default changes with the labels)",
  "domain-base-type": "changing the base type of the domain",
} as const;
export type Gap = keyof typeof GAPS;

export type Exclusion =
  /** Edits of these kinds are not drawn (they become no-ops). */
  | { readonly edit: EditKind }
  | { readonly gap: Gap };

export interface GeneratorOptions {
  readonly exclude?: readonly Exclusion[];
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes: what fast-check draws and shrinks.

export interface ColumnRecipe {
  readonly kind: TypeKind;
  readonly size: number;
  readonly notNull: boolean;
  readonly def: number;
  readonly comment: number;
}

export interface TableRecipe {
  readonly schema: number;
  readonly pk: "id" | "none" | "composite";
  readonly id: "int" | "bigint" | "uuid" | "serial" | "bigserial" | "identity" | "identity-always";
  readonly columns: readonly ColumnRecipe[];
  readonly uniques: readonly (readonly [number, number, boolean])[];
  readonly checks: readonly (readonly [number, number])[];
  readonly fks: readonly (readonly [number, number, boolean])[];
  readonly indexes: readonly (readonly [number, number, number])[];
  readonly rls: boolean;
  readonly policies: readonly (readonly [number, number, number])[];
  readonly trigger: number;
  readonly comment: number;
}

export interface BaseRecipe {
  readonly twoSchemas: boolean;
  readonly enumLabels: number;
  readonly domain: number;
  readonly fnDefault: number;
  readonly fnCheck: number;
  readonly fnTrigger: boolean;
  readonly sequences: readonly (readonly [number, number])[];
  readonly tables: readonly TableRecipe[];
  readonly views: readonly (readonly [number, number, number, number])[];
  readonly matviews: readonly (readonly [number, number, boolean])[];
}

export interface EditRecipe {
  readonly kind: EditKind;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly column: ColumnRecipe;
}

export interface PairRecipe {
  readonly base: BaseRecipe;
  readonly edits: readonly EditRecipe[];
}

const small = fc.nat(7);
const columnRecipe: fc.Arbitrary<ColumnRecipe> = fc.record({
  kind: fc.constantFrom(...TYPE_KINDS),
  size: fc.nat(3),
  notNull: fc.boolean(),
  def: fc.nat(4),
  comment: fc.nat(3),
});

const tableRecipe: fc.Arbitrary<TableRecipe> = fc.record({
  schema: fc.nat(1),
  pk: fc.constantFrom("id" as const, "none" as const, "composite" as const),
  id: fc.constantFrom("int" as const, "bigint" as const, "uuid" as const, "serial" as const, "bigserial" as const, "identity" as const, "identity-always" as const),
  columns: fc.array(columnRecipe, { maxLength: 4 }),
  uniques: fc.array(fc.tuple(small, small, fc.boolean()), { maxLength: 2 }),
  checks: fc.array(fc.tuple(small, small), { maxLength: 2 }),
  fks: fc.array(fc.tuple(small, fc.nat(2), fc.boolean()), { maxLength: 2 }),
  indexes: fc.array(fc.tuple(fc.nat(4), small, small), { maxLength: 3 }),
  rls: fc.boolean(),
  policies: fc.array(fc.tuple(small, small, fc.nat(4)), { maxLength: 2 }),
  trigger: fc.nat(4),
  comment: fc.nat(3),
});

const baseRecipe: fc.Arbitrary<BaseRecipe> = fc.record({
  twoSchemas: fc.boolean(),
  enumLabels: fc.nat(4),
  domain: fc.nat(3),
  fnDefault: fc.nat(3),
  fnCheck: fc.nat(4),
  fnTrigger: fc.boolean(),
  sequences: fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 2 }),
  tables: fc.array(tableRecipe, { minLength: 1, maxLength: 5 }),
  views: fc.array(fc.tuple(small, fc.nat(15), fc.nat(3), fc.nat(3)), { maxLength: 3 }),
  matviews: fc.array(fc.tuple(small, fc.nat(15), fc.boolean()), { maxLength: 1 }),
});

const editRecipe: fc.Arbitrary<EditRecipe> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  a: small,
  b: small,
  c: small,
  column: columnRecipe,
});

/** The recipes of schema pairs: a base schema and 1–5 edits to it. */
export const pairRecipe: fc.Arbitrary<PairRecipe> = fc.record({ base: baseRecipe, edits: fc.array(editRecipe, { minLength: 1, maxLength: 5 }) });

// ---------------------------------------------------------------------------------------------------------------
// The model.

export interface ColType {
  readonly kind: TypeKind;
  /** varchar: the length's index; numeric: the precision/scale's index; else 0. */
  readonly size: number;
}

export interface ColumnModel {
  name: string;
  type: ColType;
  notNull: boolean;
  /** Index into the defaults of the column's type; 0 is none. */
  def: number;
  serial: boolean;
  identity?: "by default" | "always";
  comment: number;
}

export interface TableModel {
  schema: string;
  name: string;
  columns: ColumnModel[];
  /** Column names; `["id"]` makes the table a foreign key target. */
  pk: string[];
  uniques: { name: string; cols: string[] }[];
  checks: { name: string; column: string; variant: number }[];
  fks: { name: string; column: string; target: string; onDelete: number }[];
  indexes: { name: string; kind: number; cols: string[] }[];
  rls: boolean;
  policies: { name: string; column: string; variant: number; command: number }[];
  /** 0: none, else the trigger's variant. */
  trigger: number;
  comment: number;
}

export interface ViewModel {
  schema: string;
  name: string;
  /** A table, or a view before this one. */
  base: string;
  cols: string[];
  where?: { column: string; variant: number };
  comment: number;
}

export interface MatviewModel {
  schema: string;
  name: string;
  base: string;
  /** Empty: `count(*) AS n` grouped by nothing. */
  cols: string[];
  index: boolean;
}

export interface SchemaModel {
  twoSchemas: boolean;
  enumLabels: string[] | null;
  enumComment: number;
  domain: { bigint: boolean; check: number } | null;
  /** lang 0: SQL string body, 1: PL/pgSQL, 2: SQL-standard (BEGIN ATOMIC). */
  fnDefault: { lang: number; value: number } | null;
  fnCheck: { lang: number; strict: boolean; bigintArg: boolean } | null;
  fnTrigger: { variant: number } | null;
  sequences: { name: string; increment: number; start: number; comment: number }[];
  tables: TableModel[];
  views: ViewModel[];
  matviews: MatviewModel[];
  fresh: number;
}

const LABELS = ["red", "green", "blue", "amber", "violet", "cyan", "teal", "plum"];
const COMMENTS = ["", "first", "second", "it's the third"];
const VARCHAR = [10, 20, 40, 80];
const NUMERIC: readonly (readonly [number, number])[] = [[6, 0], [8, 2], [10, 2], [12, 4]];
const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length]!;
const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

// ---------------------------------------------------------------------------------------------------------------
// Building the base.

function columnFrom(r: ColumnRecipe, name: string): ColumnModel {
  return { name, type: { kind: r.kind, size: r.size }, notNull: r.notNull, def: r.def, serial: false, comment: r.comment };
}

function idColumn(id: TableRecipe["id"]): ColumnModel {
  const base: ColumnModel = { name: "id", type: { kind: "int", size: 0 }, notNull: true, def: 0, serial: false, comment: 0 };
  switch (id) {
    case "bigint": return { ...base, type: { kind: "bigint", size: 0 } };
    case "uuid": return { ...base, type: { kind: "uuid", size: 0 }, def: 1 };
    case "serial": return { ...base, serial: true };
    case "bigserial": return { ...base, type: { kind: "bigint", size: 0 }, serial: true };
    case "identity": return { ...base, identity: "by default" };
    case "identity-always": return { ...base, type: { kind: "bigint", size: 0 }, identity: "always" };
    default: return base;
  }
}

function addTableFrom(m: SchemaModel, r: TableRecipe, name: string): TableModel {
  const columns = [idColumn(r.id), ...r.columns.map((c, i) => columnFrom(c, `c${i + 1}`))];
  const t: TableModel = {
    schema: m.twoSchemas && r.schema === 1 ? "app" : "public",
    name,
    columns,
    pk: r.pk === "id" ? ["id"] : r.pk === "composite" && columns.length > 1 ? ["id", columns[1]!.name] : [],
    uniques: [],
    checks: [],
    fks: [],
    indexes: [],
    rls: r.rls,
    policies: [],
    trigger: r.trigger,
    comment: r.comment,
  };
  m.tables.push(t);
  const col = (n: number): string => pick(t.columns, n).name;
  r.uniques.forEach(([a, b, two], k) => t.uniques.push({ name: `${name}_u${k + 1}`, cols: dedupe(two ? [col(a), col(b)] : [col(a)]) }));
  r.checks.forEach(([a, v], k) => t.checks.push({ name: `${name}_k${k + 1}`, column: col(a), variant: v }));
  r.indexes.forEach(([kind, a, b], k) => t.indexes.push({ name: `${name}_i${k + 1}`, kind, cols: dedupe([col(a), col(b)]) }));
  r.policies.forEach(([a, v, command], k) => t.policies.push({ name: `${name}_p${k + 1}`, column: col(a), variant: v, command }));
  return t;
}

/** The table's foreign keys, once every table they may point at exists (forward references make cycles). */
function addForeignKeysFrom(m: SchemaModel, t: TableModel, r: TableRecipe): void {
  r.fks.forEach(([target, onDelete, notNull], k) => {
    const column = `ref${k + 1}`;
    t.columns.push({ name: column, type: { kind: "int", size: 0 }, notNull, def: 0, serial: false, comment: 0 });
    t.fks.push({ name: `${t.name}_f${k + 1}`, column, target: pick(m.tables, target).name, onDelete });
  });
}

const dedupe = (cols: string[]): string[] => [...new Set(cols)];

function buildBase(r: BaseRecipe): SchemaModel {
  const m: SchemaModel = {
    twoSchemas: r.twoSchemas,
    enumLabels: r.enumLabels === 0 ? null : LABELS.slice(0, r.enumLabels),
    enumComment: r.enumLabels % 2,
    domain: r.domain === 0 ? null : { bigint: r.domain === 3, check: r.domain },
    fnDefault: r.fnDefault === 0 ? null : { lang: r.fnDefault - 1, value: 7 },
    fnCheck: r.fnCheck === 0 ? null : { lang: (r.fnCheck - 1) % 3, strict: r.fnCheck % 2 === 0, bigintArg: r.fnCheck === 4 },
    fnTrigger: r.fnTrigger ? { variant: 0 } : null,
    sequences: r.sequences.map(([increment, start], i) => ({ name: `seq_${"ab"[i]}`, increment: [1, 2, 5][increment]!, start: [1, 10, 100][start]!, comment: increment })),
    tables: [],
    views: [],
    matviews: [],
    fresh: 10,
  };
  const tables = r.tables.map((t, i) => addTableFrom(m, t, `t${i + 1}`));
  tables.forEach((t, i) => addForeignKeysFrom(m, t, r.tables[i]!));
  r.views.forEach(([base, mask, where, comment], i) => addView(m, `v${i + 1}`, base, mask, where, comment));
  r.matviews.forEach(([base, mask, index], i) => addMatview(m, `mv${i + 1}`, base, mask, index));
  normalize(m);
  return m;
}

function relationColumns(m: SchemaModel, name: string): string[] {
  const t = m.tables.find((x) => x.name === name);
  if (t) return t.columns.map((c) => c.name);
  return m.views.find((v) => v.name === name)?.cols ?? [];
}

function addView(m: SchemaModel, name: string, base: number, mask: number, where: number, comment: number): void {
  const bases = [...m.tables.map((t) => t.name), ...m.views.map((v) => v.name)];
  if (bases.length === 0) return;
  const b = pick(bases, base);
  const all = relationColumns(m, b);
  const cols = all.filter((_, i) => i >= 4 || (mask & (1 << i)) !== 0);
  const view: ViewModel = { schema: m.twoSchemas && mask % 3 === 0 ? "app" : "public", name, base: b, cols: cols.length > 0 ? cols : all.slice(0, 1), comment };
  if (where > 0 && all.length > 0) view.where = { column: pick(all, where + mask), variant: where - 1 };
  m.views.push(view);
}

function addMatview(m: SchemaModel, name: string, base: number, mask: number, index: boolean): void {
  if (m.tables.length === 0) return;
  const t = pick(m.tables, base);
  const cols = mask % 4 === 0 ? [] : t.columns.filter((_, i) => (mask & (1 << i)) !== 0).map((c) => c.name);
  m.matviews.push({ schema: m.twoSchemas && mask % 5 === 1 ? "app" : "public", name, base: t.name, cols, index });
}

// ---------------------------------------------------------------------------------------------------------------
// Types, and what depends on them.

type Family = "int" | "text" | "bool" | "ts" | "json" | "uuid" | "enum";

/** The type a column really has: a foreign key column takes its target's key type; a missing enum or domain falls back. */
function effectiveType(m: SchemaModel, t: TableModel, c: ColumnModel, depth = 0): ColType {
  const fk = t.fks.find((f) => f.column === c.name);
  if (fk && depth < 4) {
    const target = m.tables.find((x) => x.name === fk.target);
    const id = target?.columns.find((x) => x.name === "id");
    if (target && id) return effectiveType(m, target, id, depth + 1);
  }
  if (c.type.kind === "enum" && m.enumLabels === null) return { kind: "text", size: 0 };
  if (c.type.kind === "domain" && m.domain === null) return { kind: "int", size: 0 };
  return c.type;
}

function family(kind: TypeKind): Family {
  switch (kind) {
    case "int": case "bigint": case "numeric": case "domain": return "int";
    case "text": case "varchar": return "text";
    case "boolean": return "bool";
    case "timestamptz": return "ts";
    case "jsonb": return "json";
    case "uuid": return "uuid";
    case "enum": return "enum";
  }
}

function typeSql(m: SchemaModel, t: ColType): string {
  switch (t.kind) {
    case "int": return "integer";
    case "bigint": return "bigint";
    case "text": return "text";
    case "varchar": return `varchar(${pick(VARCHAR, t.size)})`;
    case "numeric": { const [p, s] = pick(NUMERIC, t.size); return `numeric(${p},${s})`; }
    case "boolean": return "boolean";
    case "timestamptz": return "timestamptz";
    case "jsonb": return "jsonb";
    case "uuid": return "uuid";
    case "enum": return m.enumLabels ? "public.mood" : "text";
    case "domain": return m.domain ? "public.amount" : "integer";
  }
}

/** A boolean expression on a column, valid for its type. */
function predicate(m: SchemaModel, col: string, t: ColType, variant: number, functions = true): string {
  const c = col;
  switch (family(t.kind)) {
    case "int": {
      const viaFunction = functions && m.fnCheck && (!m.fnCheck.bigintArg || t.kind !== "numeric");
      return pick([`${c} >= 0`, `${c} <> 13`, viaFunction ? `public.is_positive(${c})` : `${c} < 1000000`], variant);
    }
    case "text": return pick([`${c} <> ''`, `length(${c}) < 500`], variant);
    case "bool": return pick([`${c} IS NOT NULL`, `${c} IS DISTINCT FROM false`], variant);
    case "ts": return pick([`${c} > '2000-01-01 00:00:00+00'::timestamptz`, `${c} IS NOT NULL`], variant);
    case "json": return pick([`jsonb_typeof(${c}) <> 'array'`, `${c} <> 'null'::jsonb`], variant);
    case "uuid": return pick([`${c} <> '00000000-0000-0000-0000-000000000000'::uuid`, `${c} IS NOT NULL`], variant);
    case "enum": return pick([`${c} <> ${lit(m.enumLabels!.at(-1)!)}::public.mood`, `${c} IS NOT NULL`], variant);
  }
}

/** The default expressions a column of this type can have; the first is "none". */
function defaults(m: SchemaModel, t: ColType): (string | undefined)[] {
  const fn = m.fnDefault ? ["public.default_code()"] : [];
  const seq = m.sequences[0] ? [`nextval('public.${m.sequences[0].name}'::regclass)`] : [];
  switch (t.kind) {
    case "int": case "bigint": return [undefined, "0", "42", ...fn, ...seq];
    case "numeric": return [undefined, "0", "1.5", ...fn];
    case "domain": return [undefined, "1", "5"];
    case "text": case "varchar": return [undefined, "'x'", "'hello'"];
    case "boolean": return [undefined, "true", "false"];
    case "timestamptz": return [undefined, "now()", "'2020-01-01 00:00:00+00'::timestamptz"];
    case "jsonb": return [undefined, "'{}'::jsonb", "'[]'::jsonb"];
    case "uuid": return [undefined, "gen_random_uuid()", "'00000000-0000-0000-0000-000000000000'::uuid"];
    case "enum": return m.enumLabels ? [undefined, `${lit(m.enumLabels[0]!)}::public.mood`, `${lit(m.enumLabels.at(-1)!)}::public.mood`] : [undefined, "'x'"];
  }
}

const integerKind = (k: TypeKind): boolean => k === "int" || k === "bigint";

/** Whether PostgreSQL has a cast (explicit or I/O) from one type to the other: `USING c::to` parses. */
export function castable(from: TypeKind, to: TypeKind): boolean {
  if (from === to) return true;
  const text = (k: TypeKind): boolean => k === "text" || k === "varchar";
  if (text(from) || text(to)) return true;
  const num = (k: TypeKind): boolean => k === "int" || k === "bigint" || k === "numeric" || k === "domain";
  if (num(from) && num(to)) return true;
  if ((from === "int" || from === "domain") && to === "boolean") return true;
  if (from === "boolean" && (to === "int" || to === "domain")) return true;
  if (from === "jsonb" && (num(to) || to === "boolean")) return true;
  return false;
}

function changedType(t: ColType, category: number, n: number, allowUncastable: boolean): ColType {
  const widen: Partial<Record<TypeKind, ColType>> = {
    int: { kind: "bigint", size: 0 },
    bigint: { kind: "numeric", size: 3 },
    varchar: t.size < 3 ? { kind: "varchar", size: t.size + 1 } : { kind: "text", size: 0 },
    numeric: t.size < 3 ? { kind: "numeric", size: t.size + 1 } : { kind: "numeric", size: 3 },
    domain: { kind: "bigint", size: 0 },
  };
  const narrow: Partial<Record<TypeKind, ColType>> = {
    bigint: { kind: "int", size: 0 },
    numeric: t.size > 0 ? { kind: "numeric", size: t.size - 1 } : { kind: "int", size: 0 },
    varchar: t.size > 0 ? { kind: "varchar", size: t.size - 1 } : { kind: "varchar", size: 0 },
    text: { kind: "varchar", size: n % 4 },
    int: { kind: "domain", size: 0 },
  };
  const direct = category % 4 === 0 ? widen[t.kind] : category % 4 === 1 ? narrow[t.kind] : undefined;
  if (direct && (direct.kind !== t.kind || direct.size !== t.size)) return direct;
  const candidates = TYPE_KINDS.filter((k) => k !== t.kind && (category % 4 === 3 && allowUncastable ? true : castable(t.kind, k)));
  return { kind: pick(candidates, n), size: n % 4 };
}

// ---------------------------------------------------------------------------------------------------------------
// Keeping the model valid.

/** Removes what names objects or columns that are gone, repeatedly, like DROP … CASCADE. */
function normalize(m: SchemaModel): void {
  for (let changed = true; changed; ) {
    changed = false;
    const before = JSON.stringify(m);
    for (const t of m.tables) {
      const has = (c: string): boolean => t.columns.some((x) => x.name === c);
      // A foreign key needs a target whose primary key is exactly `id`; without one its column keeps its type.
      t.fks = t.fks.filter((f) => {
        const target = m.tables.find((x) => x.name === f.target);
        const ok = has(f.column) && !!target && target.pk.length === 1 && target.pk[0] === "id" && target.columns.some((c) => c.name === "id");
        if (!ok && has(f.column)) {
          const c = t.columns.find((x) => x.name === f.column)!;
          c.type = effectiveType(m, t, c);
          c.serial = false;
        }
        return ok;
      });
      if (!t.pk.every(has)) t.pk = [];
      // CREATE TABLE keeps one of several keys on the same columns: so does the model.
      const keys = new Set([JSON.stringify(t.pk)]);
      t.uniques = t.uniques.filter((u) => {
        const key = JSON.stringify(u.cols);
        if (u.cols.length === 0 || !u.cols.every(has) || keys.has(key)) return false;
        keys.add(key);
        return true;
      });
      t.checks = t.checks.filter((k) => has(k.column));
      t.indexes = t.indexes.filter((i) => i.cols.length > 0 && i.cols.every(has));
      t.policies = t.policies.filter((p) => has(p.column));
      for (const c of t.columns) {
        const type = effectiveType(m, t, c);
        const fkColumn = t.fks.some((f) => f.column === c.name);
        if (!integerKind(type.kind) || fkColumn) {
          c.serial = false;
          delete c.identity;
        }
        if (c.identity) c.notNull = true;
        if (c.identity || c.serial) c.def = 0;
      }
    }
    const relations = new Set(m.tables.map((t) => t.name));
    m.views = m.views.filter((v) => {
      if (!relations.has(v.base)) return false;
      const cols = relationColumns(m, v.base);
      v.cols = v.cols.filter((c) => cols.includes(c));
      if (v.where && !cols.includes(v.where.column)) delete v.where;
      if (v.cols.length === 0) return false;
      relations.add(v.name);
      return true;
    });
    m.matviews = m.matviews.filter((v) => {
      if (!m.tables.some((t) => t.name === v.base)) return false;
      const cols = relationColumns(m, v.base);
      const kept = v.cols.filter((c) => cols.includes(c));
      // Its columns all gone: it would turn into the aggregate, another object; it goes instead.
      if (v.cols.length > 0 && kept.length === 0) return false;
      v.cols = kept;
      return true;
    });
    if (!m.twoSchemas) {
      for (const x of [...m.tables, ...m.views, ...m.matviews]) x.schema = "public";
    }
    changed = JSON.stringify(m) !== before;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Edits.

interface EditLimits {
  readonly edits: ReadonlySet<string>;
  readonly gaps: ReadonlySet<Gap>;
  /** The base, before any edit. */
  readonly base: SchemaModel;
}

function applyEdit(m: SchemaModel, e: EditRecipe, limits: EditLimits): string | undefined {
  const gap = (g: Gap): boolean => limits.gaps.has(g);
  if (limits.edits.has(e.kind)) return undefined;
  // Columns of the table added or dropped so far (compared with the base).
  const columnChanges = (tb: TableModel): number => {
    const before = limits.base.tables.find((x) => x.name === tb.name)?.columns.map((c) => c.name);
    if (!before) return 0;
    const now = tb.columns.map((c) => c.name);
    return now.filter((c) => !before.includes(c)).length + before.filter((c) => !now.includes(c)).length;
  };
  const oneColumnChange = (tb: TableModel): boolean => gap("two-column-changes") && columnChanges(tb) > 0;
  const kindRetypable = (kind: TypeKind): boolean =>
    m.tables.every((tb) => tb.columns.every((c) => c.type.kind !== kind || tb.fks.some((f) => f.column === c.name) || retypable(m, tb, c, limits.gaps)));
  const fresh = (): number => m.fresh++;
  const table = (): TableModel | undefined => (m.tables.length === 0 ? undefined : pick(m.tables, e.a));
  const t = table();
  const column = (tb: TableModel, n: number, filter: (c: ColumnModel) => boolean = () => true): ColumnModel | undefined => {
    const list = tb.columns.filter(filter);
    return list.length === 0 ? undefined : pick(list, n);
  };
  const isFk = (tb: TableModel, c: ColumnModel): boolean => tb.fks.some((f) => f.column === c.name);
  const inPk = (tb: TableModel, c: ColumnModel): boolean => tb.pk.includes(c.name);
  switch (e.kind) {
    case "addColumn": {
      if (!t || oneColumnChange(t)) return undefined;
      const c = columnFrom(e.column, `n${fresh()}`);
      // Going back drops it: with drop-commented left out, it comes without a comment.
      if (gap("drop-commented")) c.comment = 0;
      t.columns.push(c);
      return `add column ${t.name}.${c.name} ${c.type.kind}${c.notNull ? " not null" : ""}`;
    }
    case "dropColumn": {
      if (!t) return undefined;
      const c = column(t, e.b, (x) => x.name !== "id");
      if (!c || (gap("drop-middle-column") && c !== t.columns.at(-1)) || oneColumnChange(t)) return undefined;
      if (gap("drop-commented") && (c.comment !== 0 || commentedDependents(m, t, c.name))) return undefined;
      t.columns = t.columns.filter((x) => x !== c);
      t.fks = t.fks.filter((f) => f.column !== c.name);
      return `drop column ${t.name}.${c.name}`;
    }
    case "changeType": {
      if (!t) return undefined;
      const c = column(t, e.b, (x) => !isFk(t, x));
      if (!c || !retypable(m, t, c, limits.gaps, effectiveType(m, t, c).kind)) return undefined;
      const from = effectiveType(m, t, c);
      const to = changedType(from, e.c, e.b + e.a, !gap("uncastable-type-change"));
      if (!retypable(m, t, c, limits.gaps, to.kind)) return undefined;
      c.type = to;
      return `change type of ${t.name}.${c.name} from ${typeSql(m, from)} to ${typeSql(m, effectiveType(m, t, c))}`;
    }
    case "toggleNotNull": {
      if (!t) return undefined;
      const c = column(t, e.b, (x) => !x.identity && !inPk(t, x));
      if (!c) return undefined;
      c.notNull = !c.notNull;
      return `${c.notNull ? "set" : "drop"} not null on ${t.name}.${c.name}`;
    }
    case "changeDefault": {
      if (!t) return undefined;
      const c = column(t, e.b, (x) => !x.identity && !x.serial);
      if (!c) return undefined;
      const n = defaults(m, effectiveType(m, t, c)).length;
      c.def = (c.def + 1 + (e.c % (n - 1))) % n;
      return `change default of ${t.name}.${c.name}`;
    }
    case "toggleIdentity": {
      if (!t) return undefined;
      const c = column(t, e.b, (x) => integerKind(effectiveType(m, t, x).kind) && !isFk(t, x) && !x.serial);
      if (!c) return undefined;
      if (!c.identity && c.def !== 0 && gap("identity-over-default")) return undefined;
      c.identity = c.identity ? (c.identity === "by default" && e.c % 2 === 0 ? "always" : undefined) : e.c % 2 === 0 ? "by default" : "always";
      if (c.identity === undefined) delete c.identity;
      return `identity of ${t.name}.${c.name} → ${c.identity ?? "none"}`;
    }
    case "addTable": {
      const name = `t${fresh()}`;
      const recipe: TableRecipe = {
        schema: e.a % 2,
        pk: e.b % 3 === 2 ? "none" : "id",
        id: pick(["int", "bigint", "uuid", "serial", "identity"] as const, e.c),
        columns: [e.column],
        uniques: e.b % 2 === 1 ? [[1, 1, false]] : [],
        checks: e.c % 2 === 1 ? [[1, e.b]] : [],
        fks: e.a % 3 !== 0 && m.tables.length > 0 ? [[e.a + e.b, e.c, false]] : [],
        indexes: e.c % 3 === 0 ? [[e.b, 1, 0]] : [],
        rls: false,
        policies: [],
        trigger: 0,
        comment: e.b % 4,
      };
      addForeignKeysFrom(m, addTableFrom(m, recipe, name), recipe);
      // Some tables already there point at the new one (a new cycle, or a new referenced table).
      const other = m.tables.length > 1 ? pick(m.tables, e.b) : undefined;
      if (other && other.name !== name && e.c % 2 === 0 && !oneColumnChange(other)) {
        const col = `n${fresh()}`;
        other.columns.push({ name: col, type: { kind: "int", size: 0 }, notNull: false, def: 0, serial: false, comment: 0 });
        other.fks.push({ name: `${other.name}_f${fresh()}`, column: col, target: name, onDelete: e.a });
      }
      return `add table ${name}`;
    }
    case "dropTable": {
      if (!t) return undefined;
      if (gap("drop-commented") && t.columns.some((c) => c.comment !== 0 || commentedDependents(m, t, c.name))) return undefined;
      m.tables = m.tables.filter((x) => x !== t);
      return `drop table ${t.name}`;
    }
    case "addCheck": {
      if (!t) return undefined;
      const c = column(t, e.b);
      if (!c) return undefined;
      t.checks.push({ name: `${t.name}_k${fresh()}`, column: c.name, variant: e.c });
      return `add check on ${t.name}.${c.name}`;
    }
    case "dropCheck": {
      if (!t || t.checks.length === 0) return undefined;
      const k = pick(t.checks, e.b);
      t.checks = t.checks.filter((x) => x !== k);
      return `drop check ${k.name}`;
    }
    case "addUnique": {
      if (!t) return undefined;
      const a = column(t, e.b);
      const b = column(t, e.c);
      if (!a || !b) return undefined;
      t.uniques.push({ name: `${t.name}_u${fresh()}`, cols: dedupe(e.c % 2 === 0 ? [a.name] : [a.name, b.name]) });
      return `add unique on ${t.name}`;
    }
    case "dropUnique": {
      if (!t || t.uniques.length === 0) return undefined;
      const u = pick(t.uniques, e.b);
      t.uniques = t.uniques.filter((x) => x !== u);
      return `drop unique ${u.name}`;
    }
    case "addForeignKey": {
      if (!t) return undefined;
      const keyInBase = (x: TableModel): boolean => limits.base.tables.some((y) => y.name === x.name && y.pk.length === 1 && y.pk[0] === "id");
      const targets = m.tables.filter((x) => x.pk.length === 1 && x.pk[0] === "id" && (!gap("key-with-foreign-key") || keyInBase(x)));
      if (targets.length === 0) return undefined;
      const target = pick(targets, e.b);
      // An existing column takes the type of the key it references: a type change.
      const keyType = effectiveType(m, target, target.columns.find((c) => c.name === "id")!);
      const reusable = (x: ColumnModel): boolean =>
        x.name !== "id" && !isFk(t, x) && !inPk(t, x) && !x.identity && retypable(m, t, x, limits.gaps) &&
        (!gap("uncastable-type-change") || castable(effectiveType(m, t, x).kind, keyType.kind));
      const existing = e.c % 2 === 1 || oneColumnChange(t) ? column(t, e.c, reusable) : undefined;
      if (!existing && oneColumnChange(t)) return undefined;
      const col = existing ?? { name: `n${fresh()}`, type: { kind: "int" as const, size: 0 }, notNull: e.c % 3 === 0, def: 0, serial: false, comment: 0 };
      if (!existing) t.columns.push(col);
      col.def = 0;
      t.fks.push({ name: `${t.name}_f${fresh()}`, column: col.name, target: target.name, onDelete: e.a });
      return `add foreign key ${t.name}.${col.name} → ${target.name}`;
    }
    case "dropForeignKey": {
      if (!t || t.fks.length === 0) return undefined;
      const f = pick(t.fks, e.b);
      const c = t.columns.find((x) => x.name === f.column)!;
      c.type = effectiveType(m, t, c);
      t.fks = t.fks.filter((x) => x !== f);
      return `drop foreign key ${f.name}`;
    }
    case "changePrimaryKey": {
      if (!t) return undefined;
      const second = column(t, e.b, (x) => x.name !== "id" && (x.notNull || !gap("primary-key-nullable")));
      const options: string[][] = [["id"], [], ...(second ? [["id", second.name], [second.name]] : [])];
      // Dropping the key drops the foreign keys to it: going back adds both.
      if (gap("key-with-foreign-key") && m.tables.some((x) => x.fks.some((f) => f.target === t.name))) return undefined;
      const now = JSON.stringify(t.pk);
      const next = options.filter((o) => JSON.stringify(o) !== now);
      if (gap("primary-key-nullable")) for (const c of t.columns) if (t.pk.includes(c.name)) c.notNull = true;
      t.pk = pick(next, e.c);
      return `primary key of ${t.name} → (${t.pk.join(", ")})`;
    }
    case "addIndex": {
      if (!t) return undefined;
      const a = column(t, e.b);
      const b = column(t, e.c);
      if (!a || !b) return undefined;
      t.indexes.push({ name: `${t.name}_i${fresh()}`, kind: e.c % 5, cols: dedupe([a.name, b.name]) });
      return `add index on ${t.name}`;
    }
    case "dropIndex": {
      if (!t || t.indexes.length === 0) return undefined;
      const i = pick(t.indexes, e.b);
      t.indexes = t.indexes.filter((x) => x !== i);
      return `drop index ${i.name}`;
    }
    case "changeIndex": {
      if (!t || t.indexes.length === 0) return undefined;
      const i = pick(t.indexes, e.b);
      if (e.c % 2 === 0) i.kind = (i.kind + 1 + (e.c % 4)) % 5;
      else i.cols = dedupe([pick(t.columns, e.c).name, ...i.cols.slice(1)]);
      return `change index ${i.name}`;
    }
    case "addView": {
      const name = `v${fresh()}`;
      addView(m, name, e.a, e.b + 1, e.c % 4, e.c % 3);
      return `add view ${name}`;
    }
    case "dropView": {
      if (m.views.length === 0) return undefined;
      const v = pick(m.views, e.a);
      if (gap("drop-commented") && (v.comment !== 0 || viewDependents(m, v.name).some((x) => x.comment !== 0))) return undefined;
      m.views = m.views.filter((x) => x !== v);
      return `drop view ${v.name}`;
    }
    case "changeView": {
      if (m.views.length === 0) return undefined;
      const v = pick(m.views, e.a);
      if (gap("drop-commented") && [v, ...viewDependents(m, v.name)].some((x) => x.comment !== 0)) return undefined;
      const cols = relationColumns(m, v.base);
      if (e.c % 3 === 0) {
        const c = pick(cols, e.b);
        v.cols = v.cols.includes(c) ? v.cols.filter((x) => x !== c) : [...v.cols, c];
        if (v.cols.length === 0) v.cols = [c];
      } else if (e.c % 3 === 1) {
        if (v.where) delete v.where;
        else v.where = { column: pick(cols, e.b), variant: e.c };
      } else {
        v.where = { column: pick(cols, e.b), variant: (v.where?.variant ?? 0) + 1 };
      }
      return `change view ${v.name}`;
    }
    case "addMatview": {
      const name = `mv${fresh()}`;
      addMatview(m, name, e.a, e.b + 1, e.c % 2 === 0);
      return `add materialized view ${name}`;
    }
    case "dropMatview": {
      if (m.matviews.length === 0) return undefined;
      const v = pick(m.matviews, e.a);
      m.matviews = m.matviews.filter((x) => x !== v);
      return `drop materialized view ${v.name}`;
    }
    case "changeMatview": {
      if (m.matviews.length === 0) return undefined;
      const v = pick(m.matviews, e.a);
      if (e.c % 2 === 0) v.index = !v.index;
      else {
        const c = pick(relationColumns(m, v.base), e.b);
        v.cols = v.cols.includes(c) ? v.cols.filter((x) => x !== c) : [...v.cols, c];
      }
      return `change materialized view ${v.name}`;
    }
    case "addEnumLabel": {
      if (!m.enumLabels) return undefined;
      const label = LABELS.find((l) => !m.enumLabels!.includes(l));
      if (!label) return undefined;
      const at = e.b % (m.enumLabels.length + 1);
      if (gap("enum-rebuild") && (at < m.enumLabels.length || enumDependents(m))) return undefined;
      if (gap("enum-label-default-change") && (at === 0 || at === m.enumLabels.length) && enumDefaults(m)) return undefined;
      if (gap("drop-commented") && m.enumComment !== 0) return undefined;
      m.enumLabels.splice(at, 0, label);
      return `add enum label ${label} at ${at}`;
    }
    case "removeEnumLabel": {
      if (!m.enumLabels || m.enumLabels.length < 2) return undefined;
      if (gap("enum-rebuild") || (gap("drop-commented") && m.enumComment !== 0)) return undefined;
      const at = e.b % m.enumLabels.length;
      if (gap("enum-label-default-change") && (at === 0 || at === m.enumLabels.length - 1) && enumDefaults(m)) return undefined;
      const [label] = m.enumLabels.splice(at, 1);
      return `remove enum label ${label}`;
    }
    case "toggleGlobal": {
      switch (e.b % 5) {
        // The columns declared with the type turn into text / integer, or back: they change type.
        case 0:
          if (m.enumLabels && gap("drop-commented") && m.enumComment !== 0) return undefined;
          if (!kindRetypable("enum")) return undefined;
          m.enumLabels = m.enumLabels ? null : LABELS.slice(0, 2);
          return `enum ${m.enumLabels ? "created" : "dropped"}`;
        case 1:
          if (!kindRetypable("domain")) return undefined;
          m.domain = m.domain ? null : { bigint: false, check: 1 };
          return `domain ${m.domain ? "created" : "dropped"}`;
        case 2: m.fnDefault = m.fnDefault ? null : { lang: e.c % 3, value: 7 }; return `default function ${m.fnDefault ? "created" : "dropped"}`;
        case 3: m.fnCheck = m.fnCheck ? null : { lang: e.c % 3, strict: false, bigintArg: false }; return `check function ${m.fnCheck ? "created" : "dropped"}`;
        default: m.fnTrigger = m.fnTrigger ? null : { variant: 0 }; return `trigger function ${m.fnTrigger ? "created" : "dropped"}`;
      }
    }
    case "changeDomain": {
      if (!m.domain) return undefined;
      if (e.c % 2 === 0 || gap("domain-base-type")) m.domain.check = (m.domain.check + 1) % 3;
      else m.domain.bigint = !m.domain.bigint;
      return "change domain";
    }
    case "changeFunction": {
      if (e.b % 2 === 0 && m.fnDefault) {
        if (e.c % 2 === 0) m.fnDefault.value++;
        else m.fnDefault.lang = (m.fnDefault.lang + 1) % 3;
        return "change default function";
      }
      if (m.fnCheck) {
        const which = e.c % 3;
        if (which === 0) m.fnCheck.strict = !m.fnCheck.strict;
        else if (which === 1) m.fnCheck.lang = (m.fnCheck.lang + 1) % 3;
        else m.fnCheck.bigintArg = !m.fnCheck.bigintArg;
        return `change check function (${["body", "language", "argument type"][which]})`;
      }
      if (m.fnTrigger) {
        m.fnTrigger.variant = (m.fnTrigger.variant + 1) % 2;
        return "change trigger function";
      }
      return undefined;
    }
    case "toggleTrigger": {
      if (!t) return undefined;
      t.trigger = t.trigger === 0 ? 1 + (e.c % 4) : e.c % 2 === 0 ? 0 : 1 + ((t.trigger + e.c) % 4);
      return `trigger on ${t.name} → ${t.trigger}`;
    }
    case "changeSequence": {
      const s = m.sequences.length === 0 ? undefined : pick(m.sequences, e.a);
      if (!s || e.c % 3 === 0) {
        if (s && e.c % 2 === 0) {
          m.sequences = m.sequences.filter((x) => x !== s);
          return `drop sequence ${s.name}`;
        }
        if (m.sequences.length >= 2) return undefined;
        const name = m.sequences.some((x) => x.name === "seq_a") ? "seq_b" : "seq_a";
        m.sequences.push({ name, increment: 1, start: 1, comment: 0 });
        return `add sequence ${name}`;
      }
      if (e.c % 3 === 1) s.increment = s.increment === 1 ? 3 : 1;
      else s.start = s.start + 10;
      return `change sequence ${s.name}`;
    }
    case "toggleRls": {
      if (!t) return undefined;
      t.rls = !t.rls;
      return `row level security on ${t.name} ${t.rls ? "enabled" : "disabled"}`;
    }
    case "addPolicy": {
      if (!t) return undefined;
      const c = column(t, e.b);
      if (!c) return undefined;
      t.policies.push({ name: `${t.name}_p${fresh()}`, column: c.name, variant: e.c, command: e.a % 5 });
      return `add policy on ${t.name}`;
    }
    case "dropPolicy": {
      if (!t || t.policies.length === 0) return undefined;
      const p = pick(t.policies, e.b);
      t.policies = t.policies.filter((x) => x !== p);
      return `drop policy ${p.name}`;
    }
    case "changePolicy": {
      if (!t || t.policies.length === 0) return undefined;
      const p = pick(t.policies, e.b);
      if (e.c % 2 === 0) p.variant++;
      else p.command = (p.command + 1) % 5;
      return `change policy ${p.name}`;
    }
    case "changeComment": {
      const next = (n: number): number => (n + 1 + (e.c % 3)) % COMMENTS.length;
      switch (e.b % 5) {
        case 0: if (!t) return undefined; t.comment = next(t.comment); return `comment on table ${t.name}`;
        case 1: { if (!t) return undefined; const c = pick(t.columns, e.c); c.comment = next(c.comment); return `comment on column ${t.name}.${c.name}`; }
        case 2: { if (m.views.length === 0) return undefined; const v = pick(m.views, e.a); v.comment = next(v.comment); return `comment on view ${v.name}`; }
        case 3: if (!m.enumLabels) return undefined; m.enumComment = next(m.enumComment); return "comment on the enum";
        default: { if (m.sequences.length === 0) return undefined; const s = pick(m.sequences, e.a); s.comment = next(s.comment); return `comment on sequence ${s.name}`; }
      }
    }
  }
}

/** Whether a column of the enum is used by anything but its table: a default, check, index, policy or view. */
function enumDependents(m: SchemaModel): boolean {
  return m.tables.some((t) =>
    t.columns.some((c) => effectiveType(m, t, c).kind === "enum" && (c.def !== 0 || columnUsers(m, t, c.name).length > 0)),
  );
}

/** Whether a column of the enum has a default (it names the first or the last label). */
function enumDefaults(m: SchemaModel): boolean {
  return m.tables.some((t) => t.columns.some((c) => effectiveType(m, t, c).kind === "enum" && c.def !== 0 && !c.identity && !c.serial));
}

/** What names the column: constraints, indexes, policies, views (by name), matviews. */
function columnUsers(m: SchemaModel, t: TableModel, column: string): string[] {
  return [
    ...t.pk.filter((c) => c === column).map(() => "primary key"),
    ...t.uniques.filter((u) => u.cols.includes(column)).map((u) => u.name),
    ...t.checks.filter((k) => k.column === column).map((k) => k.name),
    ...t.indexes.filter((i) => i.cols.includes(column)).map((i) => i.name),
    ...t.policies.filter((p) => p.column === column).map((p) => p.name),
    ...m.views.filter((v) => v.base === t.name && (v.cols.includes(column) || v.where?.column === column)).map((v) => v.name),
    ...m.matviews.filter((v) => v.base === t.name && v.cols.includes(column)).map((v) => v.name),
  ];
}

/** Views built on a view, directly or not. */
function viewDependents(m: SchemaModel, name: string): ViewModel[] {
  const direct = m.views.filter((v) => v.base === name);
  return [...direct, ...direct.flatMap((v) => viewDependents(m, v.name))];
}

/** Whether a view that names the column (or one built on it) has a comment: dropping the column drops those. */
function commentedDependents(m: SchemaModel, t: TableModel, column: string): boolean {
  return m.views
    .filter((v) => v.base === t.name && (v.cols.includes(column) || v.where?.column === column))
    .some((v) => [v, ...viewDependents(m, v.name)].some((x) => x.comment !== 0));
}

/** Whether a column may change type, given the gaps left out. */
function retypable(m: SchemaModel, t: TableModel, c: ColumnModel, gaps: ReadonlySet<Gap>, to?: TypeKind): boolean {
  if (gaps.has("retype-policy-column") && t.policies.some((p) => p.column === c.name)) return false;
  if (gaps.has("retype-check-column") && t.checks.some((k) => k.column === c.name)) return false;
  if (gaps.has("retype-indexed-column") && (t.indexes.some((i) => i.cols.includes(c.name)) || t.uniques.some((u) => u.cols.includes(c.name)) || t.pk.includes(c.name))) return false;
  if (gaps.has("retype-identity-column") && c.identity) return false;
  // Within a family (integer → bigint, varchar → text) the default casts on its own; that case is kept.
  const sameFamily = to !== undefined && family(to) === family(effectiveType(m, t, c).kind);
  if (gaps.has("retype-defaulted-column") && (c.def !== 0 || c.serial) && !sameFamily) return false;
  const referencing = c.name === "id" ? m.tables.flatMap((x) => x.fks.filter((f) => f.target === t.name).map((f) => ({ x, f }))) : [];
  if (gaps.has("retype-referenced-key") && referencing.length > 0) return false;
  // The columns referencing the key change type with it.
  for (const { x, f } of referencing) {
    const column = x.columns.find((y) => y.name === f.column);
    if (column && column !== c && !retypable(m, x, column, gaps)) return false;
  }
  if (gaps.has("drop-commented") && commentedDependents(m, t, c.name)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering.

function functionSql(name: string, args: string, returns: string, lang: number, body: string, expression: string): string {
  if (lang === 1) return `CREATE FUNCTION ${name}(${args}) RETURNS ${returns} LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN ${expression}; END $$;`;
  if (lang === 2) return `CREATE FUNCTION ${name}(${args}) RETURNS ${returns} LANGUAGE sql IMMUTABLE BEGIN ATOMIC ${body}; END;`;
  return `CREATE FUNCTION ${name}(${args}) RETURNS ${returns} LANGUAGE sql IMMUTABLE AS $$ ${body} $$;`;
}

const TRIGGERS = ["", "BEFORE INSERT", "BEFORE INSERT OR UPDATE", "AFTER UPDATE", "AFTER INSERT OR DELETE"];
const POLICY_COMMANDS = ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"];

/** The model as a SQL script that creates it on an empty database. */
export function renderSql(m: SchemaModel): string {
  const out: string[] = [];
  const q = (x: { schema: string; name: string }): string => `${x.schema}.${x.name}`;
  if (m.twoSchemas) out.push("CREATE SCHEMA app;");
  if (m.enumLabels) {
    out.push(`CREATE TYPE public.mood AS ENUM (${m.enumLabels.map(lit).join(", ")});`);
    if (COMMENTS[m.enumComment]) out.push(`COMMENT ON TYPE public.mood IS ${lit(COMMENTS[m.enumComment]!)};`);
  }
  if (m.domain) out.push(`CREATE DOMAIN public.amount AS ${m.domain.bigint ? "bigint" : "integer"} CHECK (${pick(["VALUE > 0", "VALUE >= 0", "VALUE < 1000000"], m.domain.check)});`);
  if (m.fnDefault) out.push(functionSql("public.default_code", "", "integer", m.fnDefault.lang, `SELECT ${m.fnDefault.value}`, String(m.fnDefault.value)));
  if (m.fnCheck) {
    const op = m.fnCheck.strict ? ">" : ">=";
    out.push(functionSql("public.is_positive", `v ${m.fnCheck.bigintArg ? "bigint" : "numeric"}`, "boolean", m.fnCheck.lang, `SELECT v ${op} 0`, `v ${op} 0`));
  }
  if (m.fnTrigger) {
    const body = m.fnTrigger.variant === 0 ? "RETURN NEW;" : "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;";
    out.push(`CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$;`);
  }
  for (const s of m.sequences) {
    out.push(`CREATE SEQUENCE public.${s.name} INCREMENT BY ${s.increment} START WITH ${s.start};`);
    if (COMMENTS[s.comment]) out.push(`COMMENT ON SEQUENCE public.${s.name} IS ${lit(COMMENTS[s.comment]!)};`);
  }
  for (const t of m.tables) {
    const lines: string[] = [];
    for (const c of t.columns) {
      const type = effectiveType(m, t, c);
      let sql = `${c.name} ${c.serial ? (type.kind === "bigint" ? "bigserial" : "serial") : typeSql(m, type)}`;
      if (c.identity) sql += ` GENERATED ${c.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
      const def = c.identity || c.serial ? undefined : pick(defaults(m, type), c.def);
      if (def !== undefined) sql += ` DEFAULT ${def}`;
      if (c.notNull && !c.identity) sql += " NOT NULL";
      lines.push(sql);
    }
    if (t.pk.length > 0) lines.push(`CONSTRAINT ${t.name}_pkey PRIMARY KEY (${t.pk.join(", ")})`);
    for (const u of t.uniques) lines.push(`CONSTRAINT ${u.name} UNIQUE (${u.cols.join(", ")})`);
    for (const k of t.checks) {
      const c = t.columns.find((x) => x.name === k.column)!;
      lines.push(`CONSTRAINT ${k.name} CHECK (${predicate(m, c.name, effectiveType(m, t, c), k.variant)})`);
    }
    out.push(`CREATE TABLE ${q(t)} (\n  ${lines.join(",\n  ")}\n);`);
  }
  for (const t of m.tables) {
    for (const f of t.fks) {
      const target = m.tables.find((x) => x.name === f.target)!;
      const action = pick(["NO ACTION", "CASCADE", "SET NULL"], f.onDelete);
      out.push(`ALTER TABLE ${q(t)} ADD CONSTRAINT ${f.name} FOREIGN KEY (${f.column}) REFERENCES ${q(target)} (id) ON DELETE ${action};`);
    }
    for (const i of t.indexes) {
      const first = t.columns.find((x) => x.name === i.cols[0])!;
      const type = effectiveType(m, t, first);
      const kind = i.kind % 5;
      const expression =
        family(type.kind) === "text" ? `lower(${first.name})` : integerKind(type.kind) || type.kind === "numeric" ? `(${first.name} + 1)` : type.kind === "jsonb" ? `(${first.name} ->> 'k')` : first.name;
      const keys = kind === 1 ? i.cols.join(", ") : kind === 3 ? expression : first.name;
      const where = kind === 2 ? ` WHERE ${predicate(m, first.name, type, 0, false)}` : "";
      out.push(`CREATE ${kind === 4 ? "UNIQUE " : ""}INDEX ${i.name} ON ${q(t)} (${keys})${where};`);
    }
  }
  const relation = (name: string): { schema: string; name: string } =>
    m.tables.find((t) => t.name === name) ?? m.views.find((v) => v.name === name)!;
  for (const v of m.views) {
    const where = v.where ? ` WHERE ${predicate(m, v.where.column, relationColumnType(m, v.base, v.where.column), v.where.variant)}` : "";
    out.push(`CREATE VIEW ${q(v)} AS SELECT ${v.cols.join(", ")} FROM ${q(relation(v.base))}${where};`);
    if (COMMENTS[v.comment]) out.push(`COMMENT ON VIEW ${q(v)} IS ${lit(COMMENTS[v.comment]!)};`);
  }
  for (const v of m.matviews) {
    const select = v.cols.length === 0 ? "count(*) AS n" : v.cols.join(", ");
    out.push(`CREATE MATERIALIZED VIEW ${q(v)} AS SELECT ${select} FROM ${q(relation(v.base))};`);
    if (v.index) out.push(`CREATE INDEX ${v.name}_i ON ${q(v)} (${v.cols[0] ?? "n"});`);
  }
  for (const t of m.tables) {
    if (t.trigger !== 0 && m.fnTrigger) {
      out.push(`CREATE TRIGGER ${t.name}_trg ${pick(TRIGGERS.slice(1), t.trigger - 1)} ON ${q(t)} FOR EACH ROW EXECUTE FUNCTION public.touch();`);
    }
    if (t.rls) out.push(`ALTER TABLE ${q(t)} ENABLE ROW LEVEL SECURITY;`);
    for (const p of t.policies) {
      const c = t.columns.find((x) => x.name === p.column)!;
      const expr = predicate(m, c.name, effectiveType(m, t, c), p.variant);
      const command = pick(POLICY_COMMANDS, p.command);
      const clause = command === "INSERT" ? `WITH CHECK (${expr})` : command === "UPDATE" ? `USING (${expr}) WITH CHECK (${expr})` : `USING (${expr})`;
      out.push(`CREATE POLICY ${p.name} ON ${q(t)} FOR ${command} ${clause};`);
    }
    if (COMMENTS[t.comment]) out.push(`COMMENT ON TABLE ${q(t)} IS ${lit(COMMENTS[t.comment]!)};`);
    for (const c of t.columns) if (COMMENTS[c.comment]) out.push(`COMMENT ON COLUMN ${q(t)}.${c.name} IS ${lit(COMMENTS[c.comment]!)};`);
  }
  return `${out.join("\n")}\n`;
}

function relationColumnType(m: SchemaModel, relation: string, column: string): ColType {
  const t = m.tables.find((x) => x.name === relation);
  if (t) return effectiveType(m, t, t.columns.find((c) => c.name === column)!);
  const v = m.views.find((x) => x.name === relation)!;
  return relationColumnType(m, v.base, column);
}

// ---------------------------------------------------------------------------------------------------------------

export interface SchemaPair {
  readonly from: string;
  readonly to: string;
  /** What the edits did, in order (the edits that found nothing to act on left out). */
  readonly edits: readonly string[];
}

/** The base schema and its mutation, as SQL. Deterministic: the same recipe gives the same pair. */
export function buildPair(recipe: PairRecipe, options: GeneratorOptions = {}): SchemaPair {
  const exclude = options.exclude ?? [];
  const base = buildBase(recipe.base);
  const limits: EditLimits = {
    edits: new Set(exclude.flatMap((x) => ("edit" in x ? [x.edit] : []))),
    gaps: new Set(exclude.flatMap((x) => ("gap" in x ? [x.gap] : []))),
    base,
  };
  const apply = (m: SchemaModel, e: EditRecipe, edits: string[]): void => {
    const done = applyEdit(m, e, limits);
    normalize(m);
    if (done) edits.push(done);
  };
  const from = renderSql(base);
  let mutated = structuredClone(base);
  let edits: string[] = [];
  for (const e of recipe.edits) apply(mutated, e, edits);
  // Every pair changes something: when the edits found nothing to act on, the first edit kind (after the recipe's
  // first edit) that does is applied instead.
  const first = recipe.edits[0]!;
  for (let k = 1; k <= EDIT_KINDS.length && renderSql(mutated) === from; k++) {
    mutated = structuredClone(base);
    edits = [];
    apply(mutated, { ...first, kind: pick(EDIT_KINDS, EDIT_KINDS.indexOf(first.kind) + k) }, edits);
  }
  return { from, to: renderSql(mutated), edits };
}

/** Schema pairs as fast-check values: a recipe with the pair it gives. */
export const schemaPairs = (options: GeneratorOptions = {}): fc.Arbitrary<{ recipe: PairRecipe; pair: SchemaPair }> =>
  pairRecipe.map((recipe) => ({ recipe, pair: buildPair(recipe, options) }));
