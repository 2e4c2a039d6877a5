import { columnConstraints, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "require-primary-key",
  severity: "warning",
  docs: {
    summary: "A table without a primary key.",
    why: "Rows cannot be addressed one by one (ORMs, admin tools and logical replication of UPDATE and DELETE need an identity), and duplicates creep in.",
    fix: "`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or a primary key on the natural key.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreateStmt" || node.partbound || node.inhRelations || node.ofTypename) return [];
    const elements = (node.tableElts ?? []) as Node[];
    const hasPk =
      elements.some((e) => (e.Constraint as Node | undefined)?.contype === "CONSTR_PRIMARY") ||
      elements.some((e) => e.ColumnDef && columnConstraints(e.ColumnDef as Node).some((c) => c.contype === "CONSTR_PRIMARY"));
    const table = rangeVarName(node.relation as Node);
    return hasPk ? [] : [{ message: `table ${table} has no primary key`, object: table, at: (node.relation as Node).location as number }];
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => !t.partitionOf && !t.foreign && !t.constraints.some((c) => c.kind === "primary-key"))
      .map((t) => ({ message: `table ${t.schema}.${t.name} has no primary key`, object: `${t.schema}.${t.name}` })),
});
