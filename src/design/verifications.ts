import { literal } from "../sql/ident.js";
import type { DesignBuilder } from "./builder.js";

/**
 * Runnable checks that the database holds the design: one SELECT per object returning a single boolean `pass`.
 * They read the catalog only, so they run anywhere the migration ran (the proof runs them right after UP).
 */
export function buildVerifications(b: DesignBuilder): void {
  const schema = b.r.schema;
  const rel = (name: string): string => literal(`${schema}.${name}`);
  const add = (name: string, sql: string, why: string): void => void b.verifications.push({ name, sql, why });
  for (const t of b.tables) {
    add(`table ${t.name}`, `SELECT to_regclass(${rel(t.name)}) IS NOT NULL AS pass`, "the table exists");
    if (t.partitioning) {
      add(`${t.name} partitions`, `SELECT count(*) = ${t.partitioning.partitions.length} AS pass FROM pg_catalog.pg_inherits WHERE inhparent = to_regclass(${rel(t.name)})`, `${t.partitioning.strategy} partitions attached`);
    }
    if (t.rls) {
      add(`${t.name} row-level security`, `SELECT relrowsecurity AND relforcerowsecurity AS pass FROM pg_catalog.pg_class WHERE oid = to_regclass(${rel(t.name)})`, "RLS enabled and forced");
    }
    if (t.updatedAt) {
      add(`${t.name} updated_at trigger`, `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = to_regclass(${rel(t.name)}) AND tgname = ${literal(`${t.name}_set_updated_at`)} AND tgenabled <> 'D') AS pass`, "updated_at is maintained on UPDATE");
    }
  }
  for (const c of b.constraints) {
    if (c.kind === "not-null") continue;
    if (c.asIndex) continue;
    add(`constraint ${c.name}`, `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass(${rel(c.table)}) AND conname = ${literal(c.name)} AND convalidated) AS pass`, `${c.kind} constraint present and validated`);
  }
  const notNulls = new Map<string, string[]>();
  for (const c of b.constraints.filter((x) => x.kind === "not-null")) notNulls.set(c.table, [...(notNulls.get(c.table) ?? []), c.definition]);
  for (const [table, columns] of notNulls) {
    add(`${table} NOT NULL columns`, `SELECT count(*) = ${columns.length} AS pass FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(${rel(table)}) AND attnotnull AND attname IN (${columns.map(literal).join(", ")})`, "required columns are NOT NULL");
  }
  for (const i of b.indexes) {
    add(`index ${i.name}`, `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(${rel(i.name)}) AND indisvalid${i.unique ? " AND indisunique" : ""}) AS pass`, `valid ${i.method} index${i.unique ? " (unique)" : ""}`);
  }
  if (b.policies.length > 0) {
    add(
      "no table with RLS and no policy",
      `SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = ${literal(schema)}::regnamespace AND c.relrowsecurity AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid)) AS pass`,
      "a table with RLS and no policy hides every row from the application",
    );
  }
  add(
    "every foreign key is indexed",
    `SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint f WHERE f.contype = 'f' AND f.connamespace = ${literal(schema)}::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = f.conrelid AND (i.indkey::int2[])[0:cardinality(f.conkey) - 1] @> f.conkey)) AS pass`,
    "each foreign key's columns lead some index",
  );
}
