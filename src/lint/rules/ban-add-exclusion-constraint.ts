import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-add-exclusion-constraint",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD … EXCLUDE` on a table that already exists.",
    why: "The exclusion constraint's index is built, and every row checked against the others, while the ALTER TABLE holds an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build. Unlike CHECK, foreign key, UNIQUE and PRIMARY KEY constraints there is no escape: exclusion constraints take neither `NOT VALID` nor `USING INDEX`.",
    fix: "Declare it when the table is created; on a big existing table, add it in a maintenance window with a lock_timeout, or move the rows to a new table that has it.",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node).flatMap((c) => {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_EXCLUSION") return [];
      return [{ message: `adding exclusion constraint ${(con.conname as string | undefined) ?? ""} builds its index on ${table} under an ACCESS EXCLUSIVE lock`.replace("  ", " "), object: table, at: con.location as number }];
    });
  },
});
