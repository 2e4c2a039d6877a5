import { names, typeName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";
import { walkNodes } from "../rules-support/expression-scan.js";

const BETWEEN = new Set(["AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM"]);
const TIMESTAMP_TYPES = new Set(["timestamp", "timestamptz"]);
const TIMESTAMP_VALUES = new Set(["SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N"]);
const TIMESTAMP_FUNCTIONS = new Set(["now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "to_timestamp", "make_timestamp", "make_timestamptz", "date_trunc", "date_bin"]);

/** Whether an operand is visibly a timestamp: a cast to one, `now()`, `CURRENT_TIMESTAMP`, `date_trunc(…)`, or arithmetic on those. */
function timestampish(operand: unknown): boolean {
  return walkNodes(operand).some(({ kind, node, ancestors }) => {
    if (ancestors.includes("SubLink")) return false;
    if (kind === "TypeCast") return TIMESTAMP_TYPES.has(typeName(node.typeName as Node));
    if (kind === "SQLValueFunction") return TIMESTAMP_VALUES.has(node.op as string);
    if (kind === "FuncCall") return TIMESTAMP_FUNCTIONS.has(names(node.funcname).at(-1)!.toLowerCase());
    return false;
  });
}

export default defineRule({
  id: "ban-between-timestamps",
  severity: "info",
  docs: {
    summary: "`BETWEEN` on timestamps: an operand or bound that is a timestamp cast (`'2024-02-01'::timestamptz`, `timestamp '…'`), `now()`, `CURRENT_TIMESTAMP` or `date_trunc(…)`.",
    why: "`BETWEEN` includes both bounds: `ts BETWEEN '2024-01-01' AND '2024-02-01'` takes the rows of midnight February 1st into January too, so consecutive periods count them twice; writing `'2024-01-31 23:59:59.999'` instead misses the last fraction of a second.",
    fix: "A half-open range: `ts >= '2024-01-01' AND ts < '2024-02-01'` (or a range type: `tstzrange(lo, hi) @> ts`).",
  },
  statement: ({ node }) => {
    const out: Report[] = [];
    for (const { kind, node: n } of walkNodes(node)) {
      if (kind !== "A_Expr" || !BETWEEN.has(n.kind as string)) continue;
      if (timestampish(n.lexpr) || timestampish(n.rexpr)) out.push({ message: "BETWEEN on timestamps includes the upper bound: use >= lower AND < upper", at: n.location as number });
    }
    return out;
  },
});
