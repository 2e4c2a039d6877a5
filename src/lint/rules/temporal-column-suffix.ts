import { columnDefs, isArrayType, typeName } from "../ast.js";
import { defineRule, type RuleContext } from "../rule.js";
import type { Node } from "../statements.js";
import { ownColumns } from "../rules-support/columns.js";

const DEFAULT_SUFFIXES = ["_at", "_on", "_date"];
const TEMPORAL = new Set(["timestamp", "timestamptz", "date"]);

/** The `suffixes` option (a list of strings), or the default. */
function suffixes(context: RuleContext): string[] {
  const s = context.options.suffixes;
  return Array.isArray(s) && s.every((x) => typeof x === "string") ? (s as string[]) : DEFAULT_SUFFIXES;
}

const message = (column: string, table: string, type: string, wanted: readonly string[]): string =>
  `${type} column ${column} of ${table} does not end in ${wanted.join(", ")}`;

export default defineRule({
  id: "temporal-column-suffix",
  severity: "info",
  docs: {
    summary: "A `timestamp`, `timestamptz` or `date` column whose name does not end in one of the configured suffixes (option `suffixes`, default `_at`, `_on`, `_date`).",
    why: "`created_at`, `shipped_on`, `birth_date` say they hold a point in time; `created`, `shipped` or `birth` read like flags or counts, and code that guesses wrong compares a date with a boolean.",
    fix: "Rename (`created` → `created_at`): catalog only, but queries change with it. Configure `suffixes` for another house style.",
  },
  statement: ({ kind, node }, _state, context) => {
    const wanted = suffixes(context);
    return columnDefs(kind, node)
      .filter((c) => TEMPORAL.has(typeName(c.def.typeName as Node)) && !isArrayType(c.def.typeName as Node))
      .filter((c) => !wanted.some((s) => (c.def.colname as string).endsWith(s)))
      .map((c) => ({
        message: message(c.def.colname as string, c.table, typeName(c.def.typeName as Node), wanted),
        object: `${c.table}.${c.def.colname as string}`,
        at: c.def.location as number,
      }));
  },
  schema: (catalog, context) => {
    const wanted = suffixes(context);
    return ownColumns(catalog)
      .filter((c) => /^(timestamp(\(\d\))? with(out)? time zone|date)$/.test(c.column.type) && !wanted.some((s) => c.column.name.endsWith(s)))
      .map((c) => ({ message: message(c.column.name, c.tableName, c.column.type.replace(/\(\d\)/, ""), wanted), object: c.object }));
  },
});
