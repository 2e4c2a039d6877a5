import { columnConstraints, columnDefs } from "../ast.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "ban-explicit-null-constraint",
  severity: "info",
  docs: {
    summary: "A column declared with an explicit `NULL` constraint (`email text NULL`).",
    why: "`NULL` is no constraint: columns are nullable unless told otherwise. Written out it reads like a rule, hides among real `NOT NULL`s, and a reader (or a diff) can take it for one.",
    fix: "Leave it out: `email text`.",
  },
  statement: ({ kind, node }) =>
    columnDefs(kind, node).flatMap((c) =>
      columnConstraints(c.def)
        .filter((k) => k.contype === "CONSTR_NULL")
        .map((k) => ({ message: `column ${c.def.colname as string} of ${c.table} has an explicit NULL constraint`, object: `${c.table}.${c.def.colname as string}`, at: k.location as number })),
    ),
});
