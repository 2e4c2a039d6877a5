import { findNodes } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-current-time",
  severity: "info",
  docs: {
    summary: "`CURRENT_TIME` (in a default, a view, a function body written in SQL, a query…).",
    why: "`CURRENT_TIME` returns `time with time zone` (timetz), a type the PostgreSQL documentation itself advises against: a time of day with a fixed offset cannot account for daylight-saving changes, and compares oddly. It is almost never what was meant.",
    fix: "`CURRENT_TIMESTAMP` (or `now()`) for a point in time, `LOCALTIME` for the time of day without a zone.",
  },
  statement: ({ node }) =>
    findNodes(node, "SQLValueFunction")
      .filter((f) => f.op === "SVFOP_CURRENT_TIME" || f.op === "SVFOP_CURRENT_TIME_N")
      .map((f: Node) => ({ message: "CURRENT_TIME returns time with time zone (timetz)", at: f.location as number })),
});
