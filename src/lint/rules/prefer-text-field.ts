import { typeMods, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import { typedColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "prefer-text-field",
  severity: "info",
  docs: {
    summary: "A `varchar(n)` column.",
    why: "The limit is usually arbitrary, and changing it later takes an ACCESS EXCLUSIVE lock (shrinking it rewrites the table). A CHECK on `char_length` states a real limit and is replaced online (NOT VALID, then VALIDATE).",
    fix: "`text`, with `CHECK (char_length(col) <= n)` when the limit is real.",
    squawk: "prefer-text-field",
  },
  statement: ({ kind, node }) =>
    typedColumns(kind, node)
      .filter((c) => typeName(c.typeNode) === "varchar" && typeMods(c.typeNode).length > 0)
      .map((c) => ({ message: `column ${c.column} of ${c.table} is varchar(${typeMods(c.typeNode)[0]})`, object: `${c.table}.${c.column}`, at: c.typeNode.location as number })),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.partitionOf ? [] : t.columns.filter((c) => /^character varying\(\d+\)/.test(c.type)).map((c) => ({ message: `column ${c.name} of ${t.schema}.${t.name} is ${c.type}`, object: `${t.schema}.${t.name}.${c.name}` })),
    ),
});
