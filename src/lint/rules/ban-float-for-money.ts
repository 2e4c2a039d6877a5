import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { columnDefsOfType, elementType, ownColumns } from "../rules-support/columns.js";

/** Name parts that say the column holds money. */
const MONEY_WORDS = new Set([
  "price", "prices", "amount", "amounts", "cost", "costs", "balance", "balances", "total", "totals", "subtotal",
  "fee", "fees", "tax", "taxes", "salary", "salaries", "wage", "wages", "revenue", "payment", "payments", "payout",
  "refund", "discount", "budget", "income", "cents", "money", "fare",
]);
/** Name parts that say it holds something else (`total_weight`, `tax_rate`, `discount_pct`). */
const OTHER_WORDS = new Set([
  "count", "qty", "quantity", "weight", "rate", "ratio", "percent", "percentage", "pct", "score", "seconds", "ms",
  "duration", "distance", "size", "bytes", "hours", "minutes", "days", "time", "factor", "share",
]);

/** `unitPrice`, `unit_price`, `PRICE_EUR` → its lower-case words. */
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Whether a column name reads as a sum of money. */
const moneyLike = (name: string): boolean => {
  const w = words(name);
  return w.some((x) => MONEY_WORDS.has(x)) && !w.some((x) => OTHER_WORDS.has(x));
};

export default defineRule({
  id: "ban-float-for-money",
  severity: "warning",
  docs: {
    summary: "A `real` or `double precision` column whose name says it holds money (`price`, `amount`, `cost`, `balance`, `total`, `fee`, `tax`…, not `total_weight` or `tax_rate`).",
    why: "Binary floating point cannot hold most decimal fractions exactly (0.1 + 0.2 ≠ 0.3): sums drift by cents, equality checks fail, and rounding differs between the database and the application.",
    fix: "`numeric` (or `numeric(p, s)`), or an integer count of minor units (`bigint` cents). Converting rewrites the table: `ALTER COLUMN … TYPE numeric USING col::numeric`.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, new Set(["float4", "float8"]))
      .filter((c) => moneyLike(c.column))
      .map((c) => ({ message: `money column ${c.column} of ${c.table} is ${c.type === "float4" ? "real" : "double precision"}`, object: `${c.table}.${c.column}`, at: c.at })),
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => (elementType(c.column.type) === "real" || elementType(c.column.type) === "double precision") && moneyLike(c.column.name))
      .map((c) => {
        const target = c.column.type.replace(/^(real|double precision)/, "numeric");
        return {
          message: `money column ${c.column.name} of ${c.tableName} is ${c.column.type}`,
          object: c.object,
          fix: { title: "convert to numeric (rewrites the table)", sql: `${c.alter} TYPE ${target} USING ${ident(c.column.name)}::${target};` },
        };
      }),
});
