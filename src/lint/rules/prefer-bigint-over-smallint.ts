import { ident, qname, qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { keyColumnDefs, keyColumns } from "../rules-support/key-columns.js";

const SMALLINT_TYPES = new Set(["int2", "smallint", "smallserial", "serial2"]);

export default defineRule({
  id: "prefer-bigint-over-smallint",
  severity: "warning",
  docs: {
    summary: "A `smallint` (`int2`, `smallserial`) primary key, foreign key, identity or serial column.",
    why: "smallint stops at 32,767: even a lookup table's ids can run out, and inserts then fail. Widening the column later rewrites the table and every index on it under an ACCESS EXCLUSIVE lock, and the referencing columns with it. Row alignment usually eats the 2 bytes saved.",
    fix: "Use `bigint` (`bigint GENERATED ALWAYS AS IDENTITY` for generated ids) for keys and the columns that reference them.",
    squawk: "prefer-bigint-over-smallint",
  },
  statement: ({ kind, node }) =>
    keyColumnDefs(kind, node)
      .filter((c) => SMALLINT_TYPES.has(c.type))
      .map((c) => ({
        message: `${c.roles.join(", ")} column ${c.def.colname as string} of ${c.table} is ${c.type === "int2" ? "smallint" : c.type}`,
        object: `${c.table}.${c.def.colname as string}`,
        at: (c.def.typeName as Node).location as number,
      })),
  schema: (catalog) =>
    keyColumns(catalog)
      .filter((k) => k.column.type === "smallint")
      .map((k) => ({
        message: `${k.roles.join(", ")} column ${k.column.name} of ${k.table.schema}.${k.table.name} is smallint`,
        object: `${k.table.schema}.${k.table.name}.${k.column.name}`,
        fix: {
          title: "widen to bigint (rewrites the table and its indexes)",
          sql: [`ALTER TABLE ${qualified(k.table.schema, k.table.name)} ALTER COLUMN ${ident(k.column.name)} TYPE bigint;`, ...(k.ownedSequence ? [`ALTER SEQUENCE ${qname(k.ownedSequence)} AS bigint;`] : [])].join("\n"),
        },
      })),
});
