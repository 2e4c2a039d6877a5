import type { Index } from "../../catalog/model.js";
import { defineRule } from "../rule.js";
import { dropIndexSql, isReplicaIdentity, keyShape, sameTable } from "../rules-support/index-shape.js";
import type { Report } from "../rule.js";

export default defineRule({
  id: "duplicate-index",
  severity: "warning",
  docs: {
    summary: "Two indexes of a table with the same method, keys (operator classes, collations, order), INCLUDE columns and predicate, including a UNIQUE index that repeats the primary key and a plain index that repeats a unique one.",
    why: "Every write maintains both, VACUUM scans both, and both take memory; queries use only one. The fix drops the redundant index and never one that implements a constraint (primary key, unique, exclusion): that one stays, and a constraint duplicating another constraint is reported without a fix.",
    fix: "`DROP INDEX CONCURRENTLY` the redundant one (plain `DROP INDEX` on a partitioned table). A constraint that repeats another: `ALTER TABLE … DROP CONSTRAINT …` once no foreign key references it.",
  },
  schema: (catalog) => {
    // Indexes kept first: constraints' (PK first), those attached to a partitioned index, unique ones, clustered or
    // replica identity ones, then by name.
    const rank = (i: Index): number =>
      i.constraint && catalog.tables.some((t) => sameTable(t, i.table) && t.constraints.some((c) => c.kind === "primary-key" && c.name === i.constraint))
        ? 0
        : i.constraint
          ? 1
          : i.partitionOf
            ? 2
            : i.unique
              ? 3
              : i.clustered || isReplicaIdentity(catalog, i)
                ? 4
                : 5;
    const groups = new Map<string, Index[]>();
    for (const i of catalog.indexes) {
      if (i.invalid) continue;
      const key = JSON.stringify([i.table.schema, i.table.name, i.method, i.keys.map(keyShape), [...(i.include ?? [])].sort(), i.predicate ?? null]);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const reports: Report[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const ordered = [...group].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
      const kept: Index[] = [];
      for (const i of ordered) {
        // A non-unique index is served by any index of the same shape; a unique one only by a unique one that
        // enforces the same thing (a primary key's columns are NOT NULL, so NULLS NOT DISTINCT makes no difference).
        const by = kept.find((k) => !i.unique || (k.unique && (rank(k) === 0 || (k.nullsNotDistinct ?? false) === (i.nullsNotDistinct ?? false))));
        if (!by) {
          kept.push(i);
          continue;
        }
        if (i.partitionOf) continue; // reported on the partitioned index it is attached to
        const table = `${i.table.schema}.${i.table.name}`;
        const message = `index ${i.schema}.${i.name} on ${table} duplicates ${by.constraint ? `${by.name} (constraint ${by.constraint})` : by.name}`;
        reports.push(
          i.constraint
            ? { message: `${message}; it implements constraint ${i.constraint}`, object: table, help: `Drop constraint ${i.constraint} (ALTER TABLE … DROP CONSTRAINT) once no foreign key references it.` }
            : { message, object: table, fix: { title: `drop the duplicate index ${i.name}`, sql: dropIndexSql(catalog, i) } },
        );
      }
    }
    return reports;
  },
});
