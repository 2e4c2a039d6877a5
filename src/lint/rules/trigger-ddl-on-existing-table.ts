import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { qualifiedName } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const TOGGLES: Record<string, string> = {
  AT_EnableTrig: "ENABLE TRIGGER", AT_EnableAlwaysTrig: "ENABLE ALWAYS TRIGGER", AT_EnableReplicaTrig: "ENABLE REPLICA TRIGGER",
  AT_DisableTrig: "DISABLE TRIGGER", AT_EnableTrigAll: "ENABLE TRIGGER ALL", AT_DisableTrigAll: "DISABLE TRIGGER ALL",
  AT_EnableTrigUser: "ENABLE TRIGGER USER", AT_DisableTrigUser: "DISABLE TRIGGER USER",
};

export default defineRule({
  id: "trigger-ddl-on-existing-table",
  severity: "info",
  docs: {
    summary: "`CREATE TRIGGER`, `DROP TRIGGER`, `ALTER TABLE … ENABLE | DISABLE TRIGGER` on a table that this migration did not create.",
    why: "CREATE TRIGGER and ENABLE/DISABLE TRIGGER take a SHARE ROW EXCLUSIVE lock, DROP TRIGGER an ACCESS EXCLUSIVE one: each first waits for the running transactions on the table, and the writes (for DROP, the reads too) that arrive meanwhile queue behind it. The trigger then runs on every write of a busy table. `DISABLE TRIGGER ALL` also turns off the foreign-key checks of the table.",
    fix: "Run it with a short `lock_timeout` (and retry) at a quiet time; keep the trigger function cheap. Never disable the internal (ALL) triggers in a migration.",
  },
  statement: ({ kind, node }, state) => {
    if (kind === "CreateTrigStmt") {
      const table = rangeVarName(node.relation as Node);
      if (state.createdTables.has(table)) return [];
      return [{ message: `CREATE TRIGGER ${node.trigname as string} takes a SHARE ROW EXCLUSIVE lock on ${table}: writes wait`, object: table }];
    }
    if (kind === "DropStmt" && node.removeType === "OBJECT_TRIGGER") {
      return ((node.objects ?? []) as Node[]).flatMap((o) => {
        const parts = names((o.List as Node | undefined)?.items);
        const table = qualifiedName(parts.slice(0, -1));
        if (state.createdTables.has(table)) return [];
        return [{ message: `DROP TRIGGER ${parts.at(-1) ?? ""} takes an ACCESS EXCLUSIVE lock on ${table}: reads and writes wait`, object: table }];
      });
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      if (state.createdTables.has(table)) return [];
      return alterCommands(node).flatMap((c) => {
        const toggle = TOGGLES[c.subtype as string];
        if (!toggle) return [];
        const fk = c.subtype === "AT_DisableTrigAll" ? ", and turns off its foreign-key checks" : "";
        return [{ message: `${toggle}${c.name ? ` ${c.name as string}` : ""} takes a SHARE ROW EXCLUSIVE lock on ${table}: writes wait${fk}`, object: table }];
      });
    }
    return [];
  },
});
