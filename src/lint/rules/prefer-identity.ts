import { columnDefs, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

const SERIALS = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

export default defineRule({
  id: "prefer-identity",
  severity: "warning",
  docs: {
    summary: "A `serial`, `bigserial` or `smallserial` column.",
    why: "serial makes a separate sequence that needs its own grants, is not dropped or copied with the column the way one expects, and lets inserts bypass it silently. Identity columns are the SQL-standard replacement and own their sequence.",
    fix: "`bigint GENERATED ALWAYS AS IDENTITY` (or `BY DEFAULT` when rows are inserted with explicit ids).",
    squawk: "prefer-identity",
  },
  statement: ({ kind, node }) =>
    columnDefs(kind, node)
      .filter((c) => SERIALS.has(typeName(c.def.typeName as Node)))
      .map((c) => ({
        message: `column ${c.def.colname as string} of ${c.table} is ${typeName(c.def.typeName as Node)}`,
        object: `${c.table}.${c.def.colname as string}`,
        at: (c.def.typeName as Node).location as number,
      })),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.columns
        .filter((c) => !t.partitionOf && /^nextval\('.*'::regclass\)$/.test(c.default ?? "") && catalog.sequences.some((s) => s.ownedBy?.table.name === t.name && s.ownedBy.table.schema === t.schema && s.ownedBy.column === c.name))
        .map((c) => ({ message: `column ${c.name} of ${t.schema}.${t.name} takes its default from an owned sequence (serial)`, object: `${t.schema}.${t.name}.${c.name}` })),
    ),
});
