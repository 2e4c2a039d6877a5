import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "default-partition-hazard",
  severity: "info",
  docs: {
    summary: "A DEFAULT partition (`PARTITION OF … DEFAULT`, `ATTACH PARTITION … DEFAULT`).",
    why: "Creating or attaching any other partition must prove the default partition holds no rows of the new bound: it scans the default partition under ACCESS EXCLUSIVE lock, so the bigger it grows the longer adding partitions blocks it. Rows that land there by mistake make adding their proper partition fail. `DETACH PARTITION … CONCURRENTLY` is refused while a default partition exists.",
    fix: "Drop the default partition and pre-create partitions for upcoming keys (e.g. with pg_partman); or keep it empty, with a CHECK constraint that proves it (so adding partitions skips the scan) and monitoring of its row count.",
  },
  statement: ({ kind, node }) => {
    if (kind === "CreateStmt" && (node.partbound as Node | undefined)?.is_default) {
      const table = rangeVarName(node.relation as Node);
      const parent = rangeVarName(((node.inhRelations ?? []) as Node[])[0]?.RangeVar as Node);
      return [{ message: `table ${table} is the default partition of ${parent}`, object: table, at: (node.partbound as Node).location as number }];
    }
    if (kind === "AlterTableStmt") {
      const parent = rangeVarName(node.relation as Node);
      return alterCommands(node).flatMap((c) => {
        const cmd = (c.def as Node | undefined)?.PartitionCmd as Node | undefined;
        if (c.subtype !== "AT_AttachPartition" || !(cmd?.bound as Node | undefined)?.is_default) return [];
        const table = rangeVarName(cmd!.name as Node);
        return [{ message: `table ${table} is attached as the default partition of ${parent}`, object: table, at: (cmd!.bound as Node).location as number }];
      });
    }
    return [];
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => t.partitionOf?.bound === "DEFAULT")
      .map((t) => ({ message: `table ${t.schema}.${t.name} is the default partition of ${t.partitionOf!.parent.schema}.${t.partitionOf!.parent.name}`, object: `${t.schema}.${t.name}` })),
});
