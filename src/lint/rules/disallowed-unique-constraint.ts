import { defineRule } from "../rule.js";
import { indexBuildingConstraints } from "../rules-support/index-constraint.js";

export default defineRule({
  id: "disallowed-unique-constraint",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD UNIQUE (…)` or `ADD COLUMN … UNIQUE` on an existing table, instead of `ADD UNIQUE USING INDEX`.",
    why: "The constraint's unique index is built inside the ALTER TABLE, under its ACCESS EXCLUSIVE lock: reads and writes wait for the whole index build.",
    fix: "`CREATE UNIQUE INDEX CONCURRENTLY` on the columns (writes go on), then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …` (instant). For a new column: add it, then do the same.",
    squawk: "disallowed-unique-constraint",
  },
  statement: (statement, state) => indexBuildingConstraints(statement, state, "CONSTR_UNIQUE"),
});
