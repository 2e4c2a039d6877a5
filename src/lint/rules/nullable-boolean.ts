import { columnConstraints, names } from "../ast.js";
import { defineRule } from "../rule.js";
import { columnDefsOfType, ownColumns } from "../rules-support/columns.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "nullable-boolean",
  severity: "info",
  docs: {
    summary: "A `boolean` column that allows NULL.",
    why: "A nullable flag has three states: `WHERE NOT flag` skips the NULL rows, `flag = false` and `flag IS NOT TRUE` disagree, and the application has to decide what NULL means every time.",
    fix: "`boolean NOT NULL DEFAULT false` (adding such a column is instant since PostgreSQL 11). When \"unknown\" is a real state, say so with a `text` or enum column.",
  },
  statement: ({ kind, node }) => {
    // Columns made NOT NULL by a table constraint of the same CREATE TABLE (PRIMARY KEY (…), PostgreSQL 18's NOT NULL c).
    const tableNotNull = new Set(
      kind === "CreateStmt"
        ? ((node.tableElts ?? []) as Node[]).flatMap((e) => {
            const c = e.Constraint as Node | undefined;
            return c && (c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_NOTNULL") ? names(c.keys) : [];
          })
        : [],
    );
    return columnDefsOfType(kind, node, new Set(["bool"]))
      .filter((c) => !c.converted && !tableNotNull.has(c.column) && !columnConstraints(c.def).some((k) => k.contype === "CONSTR_NOTNULL" || k.contype === "CONSTR_PRIMARY"))
      .map((c) => ({ message: `boolean column ${c.column} of ${c.table} allows NULL`, object: `${c.table}.${c.column}`, at: c.at }));
  },
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => c.column.type === "boolean" && !c.column.notNull && !c.table.foreign)
      .map((c) => ({ message: `boolean column ${c.column.name} of ${c.tableName} allows NULL`, object: c.object })),
});
