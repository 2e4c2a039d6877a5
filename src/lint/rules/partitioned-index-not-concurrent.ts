import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, partitionedTablesCreated } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

/** Tables not created in this file that earlier statements attached as partitions of `parent`. */
function existingPartitions(earlier: readonly Statement[], parent: string, created: ReadonlySet<string>): string[] {
  return earlier.flatMap((s) =>
    s.kind === "AlterTableStmt" && rangeVarName(s.node.relation as Node) === parent
      ? alterCommands(s.node)
          .filter((c) => c.subtype === "AT_AttachPartition")
          .map((c) => rangeVarName(((c.def as Node).PartitionCmd as Node).name as Node))
          .filter((t) => !created.has(t))
      : [],
  );
}

export default defineRule({
  id: "partitioned-index-not-concurrent",
  severity: "warning",
  docs: {
    summary: "`CREATE INDEX` on a partitioned table (not `ON ONLY`): with `CONCURRENTLY`, or when existing tables were attached to it as partitions. The table is known to be partitioned only when the same file created it `PARTITION BY`.",
    why: "`CREATE INDEX CONCURRENTLY` is refused on a partitioned table (`cannot create index on partitioned table … concurrently`). A plain CREATE INDEX on it builds the index on every partition, each under a SHARE lock held until the statement ends: writes to partitions that were existing tables wait for all the builds.",
    fix: "`CREATE INDEX name ON ONLY parent (…)` (instant, left invalid), then `CREATE INDEX CONCURRENTLY` on each partition and `ALTER INDEX name ATTACH PARTITION partition_index` for each; the parent index becomes valid once every partition's is attached.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "IndexStmt") return [];
    const rv = node.relation as Node;
    // ON ONLY parses with no `inh`.
    if (rv.inh !== true) return [];
    const table = rangeVarName(rv);
    if (!partitionedTablesCreated(earlier).has(table)) return [];
    if (node.concurrent) return [{ message: `CREATE INDEX CONCURRENTLY is refused on partitioned table ${table}`, object: table }];
    const existing = existingPartitions(earlier, table, state.createdTables);
    if (existing.length === 0) return [];
    return [{ message: `CREATE INDEX on partitioned table ${table} builds on ${existing.join(", ")} under SHARE locks held until all partitions are done`, object: table }];
  },
});
