/**
 * The plan bench's change pair: a database B that is a corpus schema plus ~120 changes of mixed kinds (columns added,
 * dropped, retyped, defaults and NOT NULL changed, indexes added and dropped, checks and uniques added, tables added
 * and dropped, views dropped and created, comments, functions, enums, sequences), applied as SQL after the load.
 *
 * Deterministic: the candidates are read from B's catalog in name order and picked in a fixed spread-out order; a
 * candidate the server refuses (a dependent object, say) is skipped for the next one, and the same schema always
 * refuses the same ones. Every change is its own statement in autocommit.
 *
 *   node --import tsx bench/change-pair.ts <postgres://…/db-with-the-schema-loaded> [--sql out.sql]
 *
 * applies the changes to that database and prints how many of each kind.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/open.js";
import type { Database } from "../src/db/queryable.js";
import { ident, literal, qualified } from "../src/sql/ident.js";

export interface Change {
  readonly kind: string;
  readonly sql: string;
}

/** How many of each kind (120 in all); fewer when the schema has too few candidates (lemmy has no views). */
export const QUOTAS = {
  "drop table": 3,
  "drop view": 2,
  "drop index": 8,
  "drop column": 10,
  "change column type": 5,
  "add column": 16,
  "add index": 14,
  "add check constraint": 10,
  "add unique constraint": 2,
  "set default": 8,
  "drop default": 6,
  "drop not null": 6,
  "set not null": 4,
  "add table": 6,
  "add function": 3,
  "add enum type": 1,
  "add enum value": 2,
  "add sequence": 2,
  "comment on table": 6,
  "comment on column": 4,
  "add view": 2,
} as const satisfies Record<string, number>;

type Kind = keyof typeof QUOTAS;

interface Column {
  schema: string;
  table: string;
  column: string;
  type: string;
  notnull: boolean;
  hasdef: boolean;
  serial: boolean;
  identity: boolean;
  generated: boolean;
  key: boolean;
  /** Other objects depend on it: an index, a constraint, a view, an owned sequence, a trigger, a policy. */
  deps: boolean;
}

const USER_TABLES = `
  select c.oid, n.nspname as schema, c.relname as "table"
  from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and not c.relispartition and not c.relhassubclass and c.reloftype = 0
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    and not exists (select from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    and not exists (select from pg_catalog.pg_inherits i where i.inhrelid = c.oid)`;

async function columns(db: Database): Promise<Column[]> {
  return db.query<Column & Record<string, unknown>>(`
    with t as (${USER_TABLES})
    select t.schema, t."table", a.attname as column, pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as notnull, a.atthasdef as hasdef,
      coalesce(pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) like 'nextval(%', false) as serial,
      a.attidentity <> '' as identity, a.attgenerated <> '' as generated,
      exists (select from pg_catalog.pg_constraint k where k.conrelid = t.oid and k.contype in ('p', 'u') and a.attnum = any (k.conkey)) as key,
      exists (select from pg_catalog.pg_depend d where d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid = t.oid
              and d.refobjsubid = a.attnum and d.classid <> 'pg_catalog.pg_attrdef'::regclass) as deps
    from t join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
    left join pg_catalog.pg_attrdef ad on ad.adrelid = t.oid and ad.adnum = a.attnum
    order by t.schema, t."table", a.attnum`);
}

async function names(db: Database, sql: string): Promise<{ schema: string; name: string }[]> {
  return db.query<{ schema: string; name: string }>(sql);
}

/**
 * Indices 0 … n - 1 in a fixed order that spreads over the whole list (a golden-ratio sequence), so a quota of a
 * few picks from all over the schema rather than from the first tables in name order.
 */
function spread<T>(list: readonly T[]): T[] {
  const phi = (Math.sqrt(5) - 1) / 2;
  return list
    .map((item, i) => ({ item, key: ((i + 1) * phi) % 1 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

const INTEGER = new Set(["integer", "bigint", "smallint"]);
const isText = (type: string): boolean => type === "text" || type.startsWith("character varying");
const defaultFor = (type: string): string | undefined =>
  INTEGER.has(type) ? "0" : isText(type) ? "''" : type === "boolean" ? "false" : type.startsWith("timestamp") ? "now()" : undefined;

/** Reads the database's catalog, applies the changes one by one (skipping refused candidates) and returns them. */
export async function applyChangePair(url: string, log: (m: string) => void = () => {}): Promise<Change[]> {
  const db = await openDatabase(url, { max: 1 });
  try {
    return await applyChanges(db, log);
  } finally {
    await db.close();
  }
}

async function applyChanges(db: Database, log: (m: string) => void): Promise<Change[]> {
  const cols = await columns(db);
  const tables = [...new Map(cols.map((c) => [`${c.schema}.${c.table}`, { schema: c.schema, name: c.table }])).values()];
  const indexes = await names(
    db,
    `select n.nspname as schema, c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     join pg_catalog.pg_index x on x.indexrelid = c.oid join (${USER_TABLES}) t on t.oid = x.indrelid
     where c.relkind = 'i' and not exists (select from pg_catalog.pg_constraint k where k.conindid = c.oid)
     order by 1, 2`,
  );
  const views = await names(
    db,
    `select n.nspname as schema, c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'v' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       and not exists (select from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by 1, 2`,
  );
  const enums = await names(
    db,
    `select n.nspname as schema, t.typname as name from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
     where t.typtype = 'e' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       and not exists (select from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
     order by 1, 2`,
  );
  const keys = await db.query<{ schema: string; table: string; column: string; type: string }>(`
    with t as (${USER_TABLES})
    select t.schema, t."table", a.attname as column, pg_catalog.format_type(a.atttypid, a.atttypmod) as type
    from t join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'p' and pg_catalog.array_length(k.conkey, 1) = 1
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
    where pg_catalog.format_type(a.atttypid, a.atttypmod) in ('integer', 'bigint')
    order by 1, 2`);
  // New objects go into the schema holding the most tables (public for most, musicbrainz for musicbrainz).
  const bySchema = new Map<string, number>();
  for (const t of tables) bySchema.set(t.schema, (bySchema.get(t.schema) ?? 0) + 1);
  const home = [...bySchema].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "public";

  const done: Change[] = [];
  const count = (kind: Kind): number => done.filter((c) => c.kind === kind).length;
  const usedTables = new Set<string>();
  const usedColumns = new Set<string>();
  const droppedTables = new Set<string>();
  const colKey = (c: { schema: string; table: string; column: string }): string => `${c.schema}.${c.table}.${c.column}`;
  const free = (c: Column): boolean => !usedColumns.has(colKey(c)) && !droppedTables.has(`${c.schema}.${c.table}`);

  /** Runs a change; false (and nothing counted) when the server refuses it. */
  const attempt = async (kind: Kind, sql: string): Promise<boolean> => {
    try {
      await db.exec(sql);
    } catch (e) {
      log(`skipped (${(e as Error).message.split("\n")[0]}): ${sql}`);
      return false;
    }
    done.push({ kind, sql });
    return true;
  };
  /** Tries candidates in spread order until the kind's quota is met. */
  const fill = async <T>(kind: Kind, candidates: readonly T[], sql: (c: T, i: number) => string | undefined, after?: (c: T) => void): Promise<void> => {
    for (const c of spread(candidates)) {
      if (count(kind) >= QUOTAS[kind]) return;
      const text = sql(c, count(kind) + 1);
      if (text !== undefined && (await attempt(kind, text))) after?.(c);
    }
  };
  const useColumn = (c: Column): void => void usedColumns.add(colKey(c));
  const table = (c: { schema: string; table: string }): string => qualified(c.schema, c.table);

  // Drops first, from the catalog as loaded.
  await fill("drop table", tables, (t) => `DROP TABLE ${qualified(t.schema, t.name)};`, (t) => {
    droppedTables.add(`${t.schema}.${t.name}`);
    usedTables.add(`${t.schema}.${t.name}`);
  });
  await fill("drop view", views, (v) => `DROP VIEW ${qualified(v.schema, v.name)};`);
  await fill("drop index", indexes, (x) => `DROP INDEX ${qualified(x.schema, x.name)};`);
  const plain = cols.filter((c) => !c.deps && !c.key && !c.identity && !c.generated && !c.serial);
  await fill("drop column", plain, (c) => (free(c) ? `ALTER TABLE ${table(c)} DROP COLUMN ${ident(c.column)};` : undefined), useColumn);
  await fill(
    "change column type",
    plain.filter((c) => c.type === "integer" || c.type.startsWith("character varying")),
    (c) => (free(c) ? `ALTER TABLE ${table(c)} ALTER COLUMN ${ident(c.column)} TYPE ${c.type === "integer" ? "bigint" : "text"};` : undefined),
    useColumn,
  );

  // Additions and alterations.
  const live = tables.filter((t) => !droppedTables.has(`${t.schema}.${t.name}`));
  const added = ["text", "integer DEFAULT 0", "boolean NOT NULL DEFAULT false", "timestamp with time zone DEFAULT now()", "jsonb"];
  await fill("add column", live, (t, i) => `ALTER TABLE ${qualified(t.schema, t.name)} ADD COLUMN ${ident(`bench_added_${i}`)} ${added[i % added.length]};`);
  await fill("add index", plain.filter((c) => INTEGER.has(c.type) || isText(c.type) || c.type.startsWith("timestamp")), (c, i) =>
    free(c) ? `CREATE INDEX ${ident(`bench_index_${i}`)} ON ${table(c)} (${ident(c.column)});` : undefined, useColumn);
  await fill("add check constraint", plain.filter((c) => INTEGER.has(c.type) || isText(c.type)), (c, i) =>
    free(c)
      ? `ALTER TABLE ${table(c)} ADD CONSTRAINT ${ident(`bench_check_${i}`)} CHECK (${INTEGER.has(c.type) ? `${ident(c.column)} >= 0` : `length(${ident(c.column)}) <= 10000`});`
      : undefined, useColumn);
  await fill("add unique constraint", plain.filter((c) => INTEGER.has(c.type) || isText(c.type)), (c, i) =>
    free(c) ? `ALTER TABLE ${table(c)} ADD CONSTRAINT ${ident(`bench_unique_${i}`)} UNIQUE (${ident(c.column)});` : undefined, useColumn);
  await fill("set default", cols.filter((c) => !c.hasdef && !c.identity && !c.generated && defaultFor(c.type) !== undefined), (c) =>
    free(c) ? `ALTER TABLE ${table(c)} ALTER COLUMN ${ident(c.column)} SET DEFAULT ${defaultFor(c.type)};` : undefined, useColumn);
  await fill("drop default", cols.filter((c) => c.hasdef && !c.serial && !c.identity && !c.generated), (c) =>
    free(c) ? `ALTER TABLE ${table(c)} ALTER COLUMN ${ident(c.column)} DROP DEFAULT;` : undefined, useColumn);
  await fill("drop not null", cols.filter((c) => c.notnull && !c.key && !c.identity), (c) =>
    free(c) ? `ALTER TABLE ${table(c)} ALTER COLUMN ${ident(c.column)} DROP NOT NULL;` : undefined, useColumn);
  await fill("set not null", cols.filter((c) => !c.notnull && !c.generated), (c) =>
    free(c) ? `ALTER TABLE ${table(c)} ALTER COLUMN ${ident(c.column)} SET NOT NULL;` : undefined, useColumn);
  await fill("add table", keys.filter((k) => !droppedTables.has(`${k.schema}.${k.table}`)), (k, i) => {
    const name = qualified(k.schema, `bench_table_${i}`);
    return [
      `CREATE TABLE ${name} (`,
      "  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,",
      `  ${ident(`${k.table}_id`.slice(0, 63))} ${k.type} NOT NULL REFERENCES ${table(k)} (${ident(k.column)}) ON DELETE CASCADE,`,
      "  note text,",
      "  created_at timestamp with time zone NOT NULL DEFAULT now()",
      ");",
    ].join("\n");
  });
  await fill("add function", [1, 2, 3], (n) =>
    `CREATE FUNCTION ${qualified(home, `bench_function_${n}`)}(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + ${n} $$;`);
  await fill("add enum type", [1], () => `CREATE TYPE ${qualified(home, "bench_enum")} AS ENUM ('draft', 'published', 'archived');`);
  await fill("add enum value", enums, (e, i) => `ALTER TYPE ${qualified(e.schema, e.name)} ADD VALUE ${literal(`bench_value_${i}`)};`);
  await fill("add sequence", [1, 2], (n) => `CREATE SEQUENCE ${qualified(home, `bench_sequence_${n}`)} START 1000;`);
  await fill("comment on table", live, (t, i) => `COMMENT ON TABLE ${qualified(t.schema, t.name)} IS ${literal(`bench comment ${i}`)};`);
  await fill("comment on column", cols.filter(free), (c, i) => `COMMENT ON COLUMN ${table(c)}.${ident(c.column)} IS ${literal(`bench column comment ${i}`)};`, useColumn);
  // Views last: they pin the columns they read.
  await fill("add view", live, (t, i) => {
    const picked = cols.filter((c) => c.schema === t.schema && c.table === t.name && free(c)).slice(0, 2);
    if (picked.length === 0) return undefined;
    return `CREATE VIEW ${qualified(t.schema, `bench_view_${i}`)} AS SELECT ${picked.map((c) => ident(c.column)).join(", ")} FROM ${qualified(t.schema, t.name)};`;
  });
  return done;
}

/** "add column 16, drop column 10, …" */
export function changeSummary(changes: readonly Change[]): string {
  const by = new Map<string, number>();
  for (const c of changes) by.set(c.kind, (by.get(c.kind) ?? 0) + 1);
  return [...by].map(([k, n]) => `${k} ${n}`).join(", ");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ options: { sql: { type: "string" }, verbose: { type: "boolean", short: "v" } }, allowPositionals: true });
  const url = positionals[0];
  if (url === undefined) throw new Error("usage: change-pair.ts <postgres://…/db> [--sql out.sql] [-v]");
  const changes = await applyChangePair(url, values.verbose ? (m) => process.stderr.write(`${m}\n`) : undefined);
  if (values.sql) writeFileSync(values.sql, changes.map((c) => `-- ${c.kind}\n${c.sql}\n`).join("\n"));
  process.stdout.write(`${changes.length} changes: ${changeSummary(changes)}\n`);
}
