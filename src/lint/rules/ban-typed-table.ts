import { qualified } from "../../sql/ident.js";
import { names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-typed-table",
  severity: "info",
  docs: {
    summary: "A typed table: `CREATE TABLE … OF composite_type`.",
    why: "Its columns belong to the composite type: they cannot be added, dropped or retyped on the table, only through `ALTER TYPE … CASCADE`, and `DROP TYPE … CASCADE` drops the table with its data.",
    fix: "Plain columns. `ALTER TABLE … NOT OF` cuts an existing table loose from its type (catalog only, it keeps its columns).",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreateStmt" || !node.ofTypename) return [];
    const table = rangeVarName(node.relation as Node);
    const type = names((node.ofTypename as Node).names).join(".");
    return [{ message: `table ${table} is a typed table (OF ${type})`, object: table, at: (node.ofTypename as Node).location as number }];
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => t.ofType && !t.partitionOf)
      .map((t) => ({
        message: `table ${t.schema}.${t.name} is a typed table (OF ${t.ofType!.schema}.${t.ofType!.name})`,
        object: `${t.schema}.${t.name}`,
        fix: { title: "detach the table from its type", sql: `ALTER TABLE ${qualified(t.schema, t.name)} NOT OF;` },
      })),
});
