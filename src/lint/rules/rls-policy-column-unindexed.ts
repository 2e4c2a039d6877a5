import { ident, qualified } from "../../sql/ident.js";
import { defineRule, type Report } from "../rule.js";
import { blankStrings } from "../rules-support/expression-scan.js";
import { fitName } from "../rules-support/sql-text.js";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The columns a deparsed USING expression compares with `=`, `IN (…)` or `= ANY (…)`. */
function comparedColumns(expression: string, columns: readonly string[]): string[] {
  const text = blankStrings(expression);
  return columns.filter((c) => {
    const name = escape(ident(c));
    const before = new RegExp(`(?<![\\w.$"])${name}\\s*(=(?!>)|IN\\s*\\()`);
    const after = new RegExp(`(?<![<>!:])=\\s*${name}(?![\\w$"(.])`);
    return before.test(text) || after.test(text);
  });
}

export default defineRule({
  id: "rls-policy-column-unindexed",
  severity: "warning",
  docs: {
    summary: "A column a policy's USING clause compares (`tenant_id = …`, `owner_id IN (…)`) that no index of the table leads.",
    why: "The policy's condition is added to every query on the table by the roles it applies to: when it is the selective part (a tenant's rows among all tenants'), every such query scans the whole table without an index on it, however small the tenant.",
    fix: "`CREATE INDEX CONCURRENTLY … ON table (tenant_id)`, or lead an existing composite index with it.",
  },
  schema: (catalog) => {
    const out: Report[] = [];
    const seen = new Set<string>();
    for (const p of catalog.policies) {
      if (p.using === undefined) continue;
      const table = catalog.tables.find((t) => t.schema === p.table.schema && t.name === p.table.name);
      if (!table) continue;
      for (const column of comparedColumns(p.using, table.columns.map((c) => c.name))) {
        const key = `${table.schema}.${table.name}.${column}`;
        if (seen.has(key)) continue;
        const indexed = catalog.indexes.some((i) => i.table.schema === table.schema && i.table.name === table.name && !i.predicate && i.keys[0]?.column === column && ["btree", "hash", "brin"].includes(i.method));
        if (indexed) continue;
        seen.add(key);
        const concurrently = table.partitioning ? "" : " CONCURRENTLY";
        out.push({
          message: `policy ${p.name} on ${table.schema}.${table.name} filters on ${column}, which no index leads`,
          object: key,
          fix: { title: "index the policy column", sql: `CREATE INDEX${concurrently} ${ident(fitName(`${table.name}_${column}_idx`))} ON ${qualified(table.schema, table.name)} (${ident(column)});` },
        });
      }
    }
    return out;
  },
});
