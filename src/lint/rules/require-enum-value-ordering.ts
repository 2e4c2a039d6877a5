import { names } from "../ast.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "require-enum-value-ordering",
  severity: "info",
  docs: {
    summary: "`ALTER TYPE … ADD VALUE` without `BEFORE` or `AFTER`.",
    why: "Without a position the new label goes last, and an enum sorts by label position, not by name: `ORDER BY`, `<`, `>`, `min`/`max` and range checks on the column now treat it as the greatest value, which is often not what its meaning calls for.",
    fix: "Say where it goes: `ALTER TYPE … ADD VALUE 'new' BEFORE 'existing'` (or `AFTER`), even when last is intended (`AFTER` the current last label).",
    squawk: "require-enum-value-ordering",
  },
  statement: ({ kind, node }) => {
    if (kind !== "AlterEnumStmt" || !node.newVal || node.oldVal || node.newValNeighbor) return [];
    const type = names(node.typeName).join(".");
    return [{ message: `'${node.newVal as string}' is appended after the last label of ${type}: it sorts greatest`, object: type }];
  },
});
