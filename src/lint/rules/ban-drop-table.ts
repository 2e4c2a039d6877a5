import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-drop-table",
  severity: "warning",
  docs: {
    summary: "`DROP TABLE` of a table that this migration did not create.",
    why: "The rows are gone, and code still reading or writing the table fails as soon as the statement commits, before the new code is deployed.",
    fix: "Stop using the table in a deploy first, keep a backup (or rename it and drop it in a later migration), then drop it.",
    squawk: "ban-drop-table",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "DropStmt" || node.removeType !== "OBJECT_TABLE") return [];
    return ((node.objects ?? []) as Node[])
      .map((o) => (((o.List as Node | undefined)?.items ?? []) as Node[]).map((i) => (i.String as Node).sval as string))
      .map((parts) => (parts.length > 1 ? parts.slice(-2).join(".") : `public.${parts[0]}`))
      .filter((table) => !state.createdTables.has(table))
      .map((table) => ({ message: `dropping table ${table} loses its rows and breaks code that uses it`, object: table }));
  },
});
