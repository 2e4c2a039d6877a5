import { defineRule } from "../rule.js";
import { dropIndexSql, isReplicaIdentity, keyShape, sameTable } from "../rules-support/index-shape.js";

export default defineRule({
  id: "redundant-prefix-index",
  severity: "info",
  docs: {
    summary: "A non-unique B-tree index whose keys are the leading keys of another B-tree index of the table, with the same predicate.",
    why: "The wider index serves every lookup and ordering the narrower one does (same operator classes, collations and order), so the narrower one only adds write cost, VACUUM work and memory. Unique indexes, constraints' indexes, partial indexes with another predicate and indexes whose INCLUDE columns the wider one lacks are not flagged. The narrower index is smaller, so a very hot lookup may still prefer it: measure before dropping.",
    fix: "`DROP INDEX CONCURRENTLY` the narrower index.",
  },
  schema: (catalog) =>
    catalog.indexes.flatMap((a) => {
      if (a.method !== "btree" || a.unique || a.constraint || a.partitionOf || a.invalid || a.clustered || isReplicaIdentity(catalog, a)) return [];
      const wider = catalog.indexes.find(
        (b) =>
          b !== a &&
          sameTable(b.table, a.table) &&
          b.method === "btree" &&
          !b.invalid &&
          b.keys.length > a.keys.length &&
          a.keys.every((k, n) => keyShape(k) === keyShape(b.keys[n]!)) &&
          (a.predicate ?? null) === (b.predicate ?? null) &&
          (a.include ?? []).every((c) => b.keys.some((k) => k.column === c) || (b.include ?? []).includes(c)),
      );
      if (!wider) return [];
      const table = `${a.table.schema}.${a.table.name}`;
      return [
        {
          message: `index ${a.schema}.${a.name} on ${table} is a leading part of ${wider.name}`,
          object: table,
          fix: { title: `drop the redundant index ${a.name}`, sql: dropIndexSql(catalog, a) },
        },
      ];
    }),
});
