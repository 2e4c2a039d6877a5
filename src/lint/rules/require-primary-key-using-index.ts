import { defineRule } from "../rule.js";
import { indexBuildingConstraints } from "../rules-support/index-constraint.js";

export default defineRule({
  id: "require-primary-key-using-index",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD PRIMARY KEY (…)` or `ADD COLUMN … PRIMARY KEY` on an existing table, instead of `ADD PRIMARY KEY USING INDEX`.",
    why: "The primary key's unique index is built inside the ALTER TABLE, under its ACCESS EXCLUSIVE lock: reads and writes wait for the whole index build (and for the NOT NULL scan of nullable key columns).",
    fix: "`CREATE UNIQUE INDEX CONCURRENTLY` on the key columns (writes go on), then `ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY USING INDEX …` (instant when the columns are already NOT NULL; make them so first the way adding-not-nullable-field shows).",
    squawk: "adding-serial-primary-key-field",
  },
  statement: (statement, state) => indexBuildingConstraints(statement, state, "CONSTR_PRIMARY"),
});
