import { columnConstraints, columnDefs } from "../ast.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "adding-stored-generated-column",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD COLUMN … GENERATED ALWAYS AS (…) STORED` on an existing table.",
    why: "A stored generated column is computed and written for every existing row: the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock that blocks reads and writes for the whole rewrite.",
    fix: "On PostgreSQL 18+, a `VIRTUAL` generated column (the default there) is computed on read and is added without a rewrite. Otherwise add a plain nullable column, fill it from a trigger for new rows, backfill the existing rows in batches, then add the constraints you need.",
    squawk: "adding-field-with-default",
  },
  statement: ({ kind, node }, state) =>
    columnDefs(kind, node)
      .filter((c) => c.via === "add" && !state.createdTables.has(c.table))
      .flatMap((c) => {
        // The PostgreSQL 18 grammar marks a generated column without STORED as virtual ('v'); older servers require STORED.
        const generated = columnConstraints(c.def).find((x) => x.contype === "CONSTR_GENERATED" && x.generated_kind === "s");
        return generated
          ? [{ message: `adding stored generated column ${c.def.colname as string} to ${c.table} rewrites the table`, object: `${c.table}.${c.def.colname as string}`, at: generated.location as number }]
          : [];
      }),
});
