import type { Column, Table } from "../../catalog/model.js";
import { defineRule } from "../rule.js";

/** A generated key: identity, a sequence default, or a UUID made by a function. */
const generated = (c: Column): boolean =>
  c.identity !== undefined || /^nextval\(/.test(c.default ?? "") || (c.type === "uuid" && /\(\)/.test(c.default ?? ""));

/** An id-like name: `id`, `<table>_id`, or `<table without its plural s>_id`. */
const idLike = (table: Table, column: string): boolean => {
  const t = table.name.toLowerCase();
  const c = column.toLowerCase();
  return c === "id" || c === `${t}_id` || c === `${t.replace(/(ies)$/, "y").replace(/(es|s)$/, "")}_id` || c === `${t}id`;
};

/** The plain columns of `pg_get_partkeydef` (`RANGE (payment_date)`, `LIST ("Region", code)`); expressions are left out. */
function partitionKeyColumns(key: string): string[] {
  const inner = /\((.*)\)\s*$/s.exec(key)?.[1] ?? "";
  return inner
    .split(",")
    .map((part) => part.trim().replace(/\s+(COLLATE|[a-z_]+_ops)\b.*$/i, ""))
    .flatMap((part) => (/^"(?:[^"]|"")+"$/.test(part) ? [part.slice(1, -1).replaceAll('""', '"')] : /^[a-z_][a-z0-9_$]*$/.test(part) ? [part] : []));
}

export default defineRule({
  id: "primary-key-not-surrogate",
  severity: "info",
  docs: {
    summary: "A primary key made of business values (an email, a code, a name) rather than a generated surrogate key or references to other tables.",
    why: "Business values change (people change emails, codes get re-issued), and a primary key is copied into every referencing table: a change has to cascade through all of them under lock, and data outside the database (URLs, logs, caches, other services) keeps the old value. Keys made of foreign keys (association tables) or of one generated or `id`-like column (on a partitioned table, besides the partition key columns PostgreSQL requires in it) are not flagged.",
    fix: "A surrogate key (`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`) and a UNIQUE constraint on the business values.",
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) => {
      if (t.partitionOf) return [];
      const pk = t.constraints.find((c) => c.kind === "primary-key");
      if (!pk || pk.kind !== "primary-key") return [];
      const inForeignKey = (col: string): boolean => t.constraints.some((c) => c.kind === "foreign-key" && c.columns.includes(col));
      if (pk.columns.some(inForeignKey)) return [];
      // A partitioned table's primary key must contain the partition key columns (pagila's payment: payment_date,
      // payment_id): what identifies the row is the rest.
      const partitionKey = new Set(t.partitioning ? partitionKeyColumns(t.partitioning.key) : []);
      const identifying = pk.columns.filter((name) => !partitionKey.has(name));
      const columns = identifying.map((name) => t.columns.find((c) => c.name === name)).filter((c): c is Column => c !== undefined);
      if (columns.length === 1 && (generated(columns[0]!) || idLike(t, columns[0]!.name))) return [];
      return [{ message: `primary key ${pk.name} of ${t.schema}.${t.name} (${pk.columns.join(", ")}) is a business key: neither generated nor id-like, nor a reference`, object: `${t.schema}.${t.name}` }];
    }),
});
