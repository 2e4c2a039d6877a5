import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** Whether a reloption's value reads as false to PostgreSQL's parse_bool (`false`, `off`, `no`, `0` and their prefixes). */
function isFalse(arg: Node | undefined): boolean {
  if (!arg) return false;
  if (arg.Integer) return ((arg.Integer as Node).ival ?? 0) === 0;
  if (arg.Boolean) return (arg.Boolean as Node).boolval !== true;
  const text = String((arg.String as Node | undefined)?.sval ?? ((arg.TypeName as Node | undefined)?.names as Node[] | undefined)?.map((n) => (n.String as Node).sval).join(".") ?? "").toLowerCase();
  if (text === "0" || text === "off" || text === "of") return true;
  return text.length > 0 && ("false".startsWith(text) || "no".startsWith(text));
}

export default defineRule({
  id: "autovacuum-disabled",
  severity: "warning",
  docs: {
    summary: "`autovacuum_enabled = false` (or `toast.autovacuum_enabled`) in `CREATE TABLE … WITH (…)` or `ALTER TABLE … SET (…)`.",
    why: "Dead rows are then never cleaned up and statistics never refreshed: the table and its indexes bloat and plans go stale. PostgreSQL still forces an anti-wraparound vacuum when the table's transaction IDs get old, and it then comes at a time nobody chose, on a table that has piled up work.",
    fix: "Keep autovacuum on and tune the table instead (`autovacuum_vacuum_scale_factor`, `autovacuum_vacuum_cost_limit`, …).",
  },
  statement: ({ kind, node }) => {
    let table: string;
    let options: Node[];
    if (kind === "CreateStmt") {
      table = rangeVarName(node.relation as Node);
      options = ((node.options ?? []) as Node[]).map((o) => o.DefElem as Node);
    } else if (kind === "AlterTableStmt") {
      table = rangeVarName(node.relation as Node);
      options = alterCommands(node)
        .filter((c) => c.subtype === "AT_SetRelOptions")
        .flatMap((c) => ((((c.def as Node | undefined)?.List as Node | undefined)?.items ?? []) as Node[]).map((o) => o.DefElem as Node));
    } else return [];
    return options
      .filter((d) => d?.defname === "autovacuum_enabled" && isFalse(d.arg as Node | undefined))
      .map((d) => ({
        message: `${d.defnamespace ? `${d.defnamespace as string}.` : ""}autovacuum_enabled = false on ${table}: dead rows pile up until a forced anti-wraparound vacuum`,
        object: table,
        at: d.location as number,
      }));
  },
});
