import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-table-inheritance",
  severity: "warning",
  docs: {
    summary: "A table that inherits from another by classic inheritance (`INHERITS (…)`, `ALTER TABLE … INHERIT …`); declarative partitions are not flagged.",
    why: "Indexes, unique and primary-key constraints and foreign keys are not inherited: the parent's uniqueness does not span its children, and a foreign key to the parent does not see the children's rows. Queries on the parent silently include the children. Declarative partitioning (PostgreSQL 10+) replaced it for partitioning, and plain foreign keys model \"is a\" relations.",
    fix: "Declarative partitioning (`PARTITION BY` / `PARTITION OF`) for partitioning; a shared table plus a one-to-one table with a foreign key for subtypes. `ALTER TABLE … NO INHERIT …` detaches a child.",
  },
  statement: ({ kind, node }) => {
    if (kind === "CreateStmt" && !node.partbound && Array.isArray(node.inhRelations) && node.inhRelations.length > 0) {
      const table = rangeVarName(node.relation as Node);
      const parents = (node.inhRelations as Node[]).map((p) => rangeVarName(p.RangeVar as Node));
      return [{ message: `table ${table} inherits from ${parents.join(", ")}`, object: table, at: ((node.inhRelations as Node[])[0]!.RangeVar as Node).location as number }];
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      return alterCommands(node)
        .filter((c) => c.subtype === "AT_AddInherit")
        .map((c) => ({ message: `table ${table} inherits from ${rangeVarName((c.def as Node).RangeVar as Node)}`, object: table, at: ((c.def as Node).RangeVar as Node).location as number }));
    }
    return [];
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => (t.inherits?.length ?? 0) > 0)
      .map((t) => ({ message: `table ${t.schema}.${t.name} inherits from ${t.inherits!.map((p) => `${p.schema}.${p.name}`).join(", ")}`, object: `${t.schema}.${t.name}` })),
});
