import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, partitionedTablesCreated } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

export default defineRule({
  id: "fk-not-valid-on-partitioned",
  severity: "error",
  docs: {
    summary: "`ALTER TABLE … ADD FOREIGN KEY … NOT VALID` on a partitioned table, for PostgreSQL 13–17. The table is known to be partitioned only when the same file created it `PARTITION BY`.",
    why: "Before PostgreSQL 18 a foreign key on a partitioned table cannot be NOT VALID: the statement fails with `cannot add NOT VALID foreign key on partitioned table` (and `ALTER TABLE ONLY` is refused too), so the migration stops there.",
    fix: "Add the foreign key NOT VALID to each partition and validate those one by one, or add it without NOT VALID while the partitions are small (right after creating them); PostgreSQL 18 accepts NOT VALID on the partitioned table.",
  },
  statement: (statement, _state, context) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt" || context.pgVersion >= 180000) return [];
    const table = rangeVarName(node.relation as Node);
    if (!partitionedTablesCreated(earlier).has(table)) return [];
    return alterCommands(node).flatMap((c) => {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_FOREIGN" || !con.skip_validation) return [];
      return [{ message: `PostgreSQL ${Math.floor(context.pgVersion / 10000)} refuses a NOT VALID foreign key on partitioned table ${table}`, object: table, at: con.location as number }];
    });
  },
});
