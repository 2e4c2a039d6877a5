import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { createdIndexName, earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

export default defineRule({
  id: "ban-table-rewrite-maintenance",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … SET ACCESS METHOD`, `ALTER TABLE | INDEX | MATERIALIZED VIEW … SET TABLESPACE` on objects this migration did not create, and `ALTER … ALL IN TABLESPACE … SET TABLESPACE`.",
    why: "SET ACCESS METHOD rewrites the table; SET TABLESPACE copies its data files (an index's too) to the new place. Both hold an ACCESS EXCLUSIVE lock for the whole copy: reads and writes of the table wait, for minutes on a large table. (On a partitioned table both only change the default for future partitions.)",
    fix: "Do it in a maintenance window, or with a tool that copies online (pg_repack `--tablespace`); not in a routine migration.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind === "AlterTableMoveAllStmt") {
      return [{ message: `moving every ${(node.objtype as string).replace(/^OBJECT_/, "").toLowerCase()} of tablespace ${node.orig_tablespacename as string} to ${node.new_tablespacename as string} copies their files under ACCESS EXCLUSIVE locks` }];
    }
    if (kind !== "AlterTableStmt") return [];
    const object = rangeVarName(node.relation as Node);
    if (state.createdTables.has(object) || earlier.some((s) => s.kind === "IndexStmt" && createdIndexName(s.node) === object)) return [];
    const what = node.objtype === "OBJECT_INDEX" ? "index" : node.objtype === "OBJECT_MATVIEW" ? "materialized view" : "table";
    return alterCommands(node).flatMap((c) => {
      if (c.subtype === "AT_SetTableSpace") return [{ message: `SET TABLESPACE copies the files of ${what} ${object} under an ACCESS EXCLUSIVE lock`, object }];
      if (c.subtype === "AT_SetAccessMethod") return [{ message: `SET ACCESS METHOD rewrites ${what} ${object} under an ACCESS EXCLUSIVE lock`, object }];
      return [];
    });
  },
});
