import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-rules",
  severity: "warning",
  docs: {
    summary: "A rewrite rule (`CREATE RULE`); the rules PostgreSQL makes itself to implement views are not counted.",
    why: "Rules rewrite the query, not the rows: a rule's actions run once per statement with the original query's conditions spliced in, so volatile expressions are evaluated more than once, `INSERT … RETURNING` and `COPY` behave unexpectedly, and DO ALSO rules fire in surprising orders. Triggers do what rules are usually meant for, predictably.",
    fix: "Replace it with a trigger (`INSTEAD OF` triggers for writable views), then `DROP RULE … ON …`.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "RuleStmt") return [];
    const table = rangeVarName(node.relation as Node);
    return [{ message: `rule ${node.rulename as string} on ${table}: rules rewrite queries, use a trigger`, object: table, at: (node.relation as Node).location as number }];
  },
  schema: (catalog) =>
    catalog.rules.map((r) => ({ message: `rule ${r.name} on ${r.table.schema}.${r.table.name} (${r.instead ? "INSTEAD" : "ALSO"} ON ${r.event.toUpperCase()})`, object: `${r.table.schema}.${r.table.name}` })),
});
