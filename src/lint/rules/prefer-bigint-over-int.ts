import { ident, qname, qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { keyColumnDefs, keyColumns } from "../rules-support/key-columns.js";

const INT_TYPES = new Set(["int4", "integer", "int", "serial", "serial4"]);

export default defineRule({
  id: "prefer-bigint-over-int",
  severity: "warning",
  docs: {
    summary: "An `integer` (`int`, `int4`, `serial`) primary key, foreign key, identity or serial column.",
    why: "integer stops at 2,147,483,647: a busy table's ids (and the foreign keys copying them) run out, and inserts fail. Widening the column later rewrites the table and every index on it under an ACCESS EXCLUSIVE lock, and the referencing columns with it. bigint costs 4 more bytes a row.",
    fix: "Use `bigint` (`bigint GENERATED ALWAYS AS IDENTITY` for generated ids) for keys and the columns that reference them.",
    squawk: "prefer-bigint-over-int",
  },
  statement: ({ kind, node }) =>
    keyColumnDefs(kind, node)
      .filter((c) => INT_TYPES.has(c.type))
      .map((c) => ({
        message: `${c.roles.join(", ")} column ${c.def.colname as string} of ${c.table} is ${c.type === "int4" ? "integer" : c.type}`,
        object: `${c.table}.${c.def.colname as string}`,
        at: (c.def.typeName as Node).location as number,
      })),
  schema: (catalog) =>
    keyColumns(catalog)
      .filter((k) => k.column.type === "integer")
      .map((k) => ({
        message: `${k.roles.join(", ")} column ${k.column.name} of ${k.table.schema}.${k.table.name} is integer`,
        object: `${k.table.schema}.${k.table.name}.${k.column.name}`,
        fix: {
          title: "widen to bigint (rewrites the table and its indexes)",
          sql: [`ALTER TABLE ${qualified(k.table.schema, k.table.name)} ALTER COLUMN ${ident(k.column.name)} TYPE bigint;`, ...(k.ownedSequence ? [`ALTER SEQUENCE ${qname(k.ownedSequence)} AS bigint;`] : [])].join("\n"),
        },
      })),
});
