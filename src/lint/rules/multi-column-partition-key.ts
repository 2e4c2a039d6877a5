import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** The top-level elements of `RANGE (a, (b + 1), c)`. */
function keyElements(key: string): number {
  const open = key.indexOf("(");
  if (open < 0) return 0;
  let depth = 0;
  let count = 1;
  let quoted: string | undefined;
  for (const ch of key.slice(open + 1, key.lastIndexOf(")"))) {
    if (quoted) {
      if (ch === quoted) quoted = undefined;
    } else if (ch === "'" || ch === '"') quoted = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) count++;
  }
  return count;
}

export default defineRule({
  id: "multi-column-partition-key",
  severity: "info",
  docs: {
    summary: "A partition key of more than one column or expression (`PARTITION BY RANGE (tenant_id, created_at)`).",
    why: "Partition pruning on a multi-column range key uses the later columns only with equality on the earlier ones: queries that filter on the second column alone scan every partition. Bounds get harder to write and to keep without gaps, and hash partitions need all key columns to prune at all.",
    fix: "Partition on the one column queries always filter on, and sub-partition (`PARTITION OF … PARTITION BY …`) or index for the others.",
  },
  statement: ({ kind, node }) => {
    const spec = node.partspec as Node | undefined;
    const params = (spec?.partParams ?? []) as Node[];
    if (kind !== "CreateStmt" || params.length < 2) return [];
    const table = rangeVarName(node.relation as Node);
    return [{ message: `table ${table} is partitioned on ${params.length} columns or expressions`, object: table, at: spec!.location as number }];
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) => {
      const n = t.partitioning ? keyElements(t.partitioning.key) : 0;
      return n > 1 ? [{ message: `table ${t.schema}.${t.name} is partitioned on ${n} columns or expressions (${t.partitioning!.key})`, object: `${t.schema}.${t.name}` }] : [];
    }),
});
