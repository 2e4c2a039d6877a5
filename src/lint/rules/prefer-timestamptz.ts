import { ident } from "../../sql/ident.js";
import { typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import { typedColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "prefer-timestamptz",
  severity: "warning",
  docs: {
    summary: "A column of type `timestamp` (without time zone).",
    why: "`timestamp` drops the offset: the same value means different instants for sessions in different zones, and DST makes some values ambiguous. `timestamptz` stores an instant and shows it in the session's zone.",
    fix: "Use `timestamptz`. Converting an existing column rewrites the table unless the session TimeZone is UTC.",
    squawk: "prefer-timestamptz",
  },
  statement: ({ kind, node }) =>
    typedColumns(kind, node)
      .filter((c) => typeName(c.typeNode) === "timestamp")
      .map((c) => ({ message: `column ${c.column} of ${c.table} is timestamp without time zone`, object: `${c.table}.${c.column}`, at: c.typeNode.location as number })),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.partitionOf
        ? []
        : t.columns
            .filter((c) => c.type.startsWith("timestamp") && c.type.includes("without time zone"))
            .map((c) => ({
              message: `column ${c.name} of ${t.schema}.${t.name} is ${c.type}`,
              object: `${t.schema}.${t.name}.${c.name}`,
              fix: { title: "convert to timestamptz (values read as UTC)", sql: `ALTER TABLE ${ident(t.schema)}.${ident(t.name)} ALTER COLUMN ${ident(c.name)} TYPE timestamptz USING ${ident(c.name)} AT TIME ZONE 'UTC';` },
            })),
    ),
});
