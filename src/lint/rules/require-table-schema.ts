import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "require-table-schema",
  severity: "info",
  docs: {
    summary: "A table named without its schema in `CREATE TABLE`, `CREATE TABLE … AS`, `ALTER TABLE` or `DROP TABLE` (temporary tables aside).",
    why: "An unqualified name is resolved through the session's search_path: the same migration creates, alters or drops a table in a different schema depending on who runs it and how the connection is set up.",
    fix: "Qualify the name: `public.orders`, not `orders`.",
    squawk: "require-table-schema",
  },
  statement: ({ kind, node }) => {
    const unqualified = (rv: Node | undefined): boolean => rv !== undefined && !rv.schemaname && rv.relpersistence !== "t";
    const report = (rv: Node, what: string) => ({ message: `${what} ${rv.relname as string} names no schema: it is resolved through search_path`, object: rangeVarName(rv), at: rv.location as number });
    if (kind === "CreateStmt") return unqualified(node.relation as Node) ? [report(node.relation as Node, "CREATE TABLE")] : [];
    if (kind === "CreateTableAsStmt" && node.objtype === "OBJECT_TABLE") {
      const rv = (node.into as Node).rel as Node;
      return unqualified(rv) ? [report(rv, "CREATE TABLE AS")] : [];
    }
    if (kind === "AlterTableStmt" && node.objtype === "OBJECT_TABLE") return unqualified(node.relation as Node) ? [report(node.relation as Node, "ALTER TABLE")] : [];
    if (kind === "DropStmt" && node.removeType === "OBJECT_TABLE") {
      return ((node.objects ?? []) as Node[])
        .map((o) => (((o.List as Node).items ?? []) as Node[]).map((i) => (i.String as Node).sval as string))
        .filter((parts) => parts.length === 1)
        .map((parts) => ({ message: `DROP TABLE ${parts[0]!} names no schema: it is resolved through search_path`, object: `public.${parts[0]!}` }));
    }
    return [];
  },
});
