import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { vacuumFull } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "prefer-repack",
  severity: "warning",
  docs: {
    summary: "`VACUUM FULL` or `CLUSTER` on a table that already exists (or on every table, when none is named).",
    why: "Both rewrite the table and rebuild its indexes while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite. squawk only flags them from PostgreSQL 19 (which brings `REPACK (CONCURRENTLY)`); the pg_repack extension does the same online on 13–18, so they are flagged on every version.",
    fix: "Use pg_repack (`pg_repack --table=…`, or `--order-by` for CLUSTER) on PostgreSQL 13–18, `REPACK (CONCURRENTLY)` from 19; plain `VACUUM` reclaims space for reuse without the lock.",
    squawk: "prefer-repack",
  },
  statement: ({ kind, node }, state) => {
    if (kind === "VacuumStmt" && vacuumFull(node)) {
      const tables = ((node.rels ?? []) as Node[]).map((r) => rangeVarName((r.VacuumRelation as Node).relation as Node));
      const existing = tables.filter((t) => !state.createdTables.has(t));
      if (tables.length > 0 && existing.length === 0) return [];
      return [{ message: `VACUUM FULL ${existing.length ? `of ${existing.join(", ")}` : "of every table"} rewrites under an ACCESS EXCLUSIVE lock`, ...(existing.length === 1 ? { object: existing[0] } : {}) }];
    }
    if (kind === "ClusterStmt") {
      const table = node.relation ? rangeVarName(node.relation as Node) : undefined;
      if (table && state.createdTables.has(table)) return [];
      return [{ message: `CLUSTER ${table ? `of ${table}` : "of every clustered table"} rewrites under an ACCESS EXCLUSIVE lock`, ...(table ? { object: table } : {}) }];
    }
    return [];
  },
});
