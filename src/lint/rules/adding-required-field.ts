import { columnConstraints, columnDefs } from "../ast.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "adding-required-field",
  severity: "error",
  docs: {
    summary: "`ALTER TABLE … ADD COLUMN … NOT NULL` without a default, on an existing table.",
    why: "The statement fails on any table that has rows (the new column would be NULL in them), and even on an empty table it breaks every INSERT that does not name the column.",
    fix: "Add the column with a DEFAULT (instant since PostgreSQL 11 for a constant), or add it nullable, backfill, then SET NOT NULL through a validated CHECK.",
    squawk: "adding-required-field",
  },
  statement: ({ kind, node }, state) =>
    columnDefs(kind, node)
      .filter((c) => c.via === "add" && !state.createdTables.has(c.table))
      .filter((c) => {
        const cons = columnConstraints(c.def);
        const generated = cons.some((x) => x.contype === "CONSTR_GENERATED" || x.contype === "CONSTR_IDENTITY");
        return !generated && cons.some((x) => x.contype === "CONSTR_NOTNULL") && !cons.some((x) => x.contype === "CONSTR_DEFAULT");
      })
      .map((c) => ({ message: `column ${c.def.colname as string} is added to ${c.table} NOT NULL without a default`, object: `${c.table}.${c.def.colname as string}`, at: c.def.location as number })),
});
