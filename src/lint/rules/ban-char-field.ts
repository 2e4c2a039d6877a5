import { qualified, ident } from "../../sql/ident.js";
import { typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import { typedColumns } from "../rules-support/columns.js";

/** `character(n)`, `bpchar` (and their arrays) as format_type writes them; not the one-byte internal `"char"`. */
const CHAR_TYPE = /^(character(\(\d+\))?|bpchar)(\[\])*$/;

export default defineRule({
  id: "ban-char-field",
  severity: "warning",
  docs: {
    summary: "A `char(n)` / `character(n)` column.",
    why: "`char(n)` pads values with spaces to n characters, ignores trailing spaces in comparisons but not in every function (LIKE, regular expressions, concatenation after a cast), and is no faster than `text`: PostgreSQL stores it the same way. Changing n later rewrites the table.",
    fix: "Use `text` (or `varchar` without a length), with `CHECK (char_length(col) = n)` when the length is a real rule. Converting an existing column to text rewrites the table and drops the padding.",
    squawk: "ban-char-field",
  },
  statement: ({ kind, node }) =>
    typedColumns(kind, node)
      .filter((c) => typeName(c.typeNode) === "bpchar")
      .map((c) => ({ message: `column ${c.column} of ${c.table} is char(n)`, object: `${c.table}.${c.column}`, at: c.typeNode.location as number })),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.partitionOf || t.foreign
        ? []
        : t.columns
            .filter((c) => !c.inherited && CHAR_TYPE.test(c.type))
            .map((c) => ({
              message: `column ${c.name} of ${t.schema}.${t.name} is ${c.type}`,
              object: `${t.schema}.${t.name}.${c.name}`,
              fix: { title: "convert to text (rewrites the table; trailing spaces are dropped)", sql: `ALTER TABLE ${qualified(t.schema, t.name)} ALTER COLUMN ${ident(c.name)} TYPE text${c.type.endsWith("[]") ? "[]" : ""};` },
            })),
    ),
});
