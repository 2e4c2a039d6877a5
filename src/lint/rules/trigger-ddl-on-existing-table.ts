import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, qualifiedName, relationsCreated, searchPathSchema } from "../rules-support/earlier-statements.js";
import type { MigrationState, Node, Statement } from "../statements.js";

const TOGGLES: Record<string, string> = {
  AT_EnableTrig: "ENABLE TRIGGER", AT_EnableAlwaysTrig: "ENABLE ALWAYS TRIGGER", AT_EnableReplicaTrig: "ENABLE REPLICA TRIGGER",
  AT_DisableTrig: "DISABLE TRIGGER", AT_EnableTrigAll: "ENABLE TRIGGER ALL", AT_DisableTrigAll: "DISABLE TRIGGER ALL",
  AT_EnableTrigUser: "ENABLE TRIGGER USER", AT_DisableTrigUser: "DISABLE TRIGGER USER",
};

const history = earlierStatements();

/**
 * Whether the table (or view: an INSTEAD OF trigger on a new view waits for nobody) was created earlier in this
 * file, names resolved with the file's `SET search_path` (`SET search_path = test; CREATE TABLE t …; CREATE
 * TRIGGER … ON test.t`).
 */
function createdHere(statement: Statement, state: MigrationState, table: string, unqualified: boolean): boolean {
  if (state.createdTables.has(table)) return true;
  const earlier = history(statement);
  const resolved = unqualified ? `${searchPathSchema(earlier)}.${table.slice(table.indexOf(".") + 1)}` : table;
  return relationsCreated(earlier).has(resolved);
}

export default defineRule({
  id: "trigger-ddl-on-existing-table",
  severity: "info",
  docs: {
    summary: "`CREATE TRIGGER`, `DROP TRIGGER`, `ALTER TABLE … ENABLE | DISABLE TRIGGER` on a table (or view) that this migration did not create.",
    why: "CREATE TRIGGER and ENABLE/DISABLE TRIGGER take a SHARE ROW EXCLUSIVE lock, DROP TRIGGER an ACCESS EXCLUSIVE one: each first waits for the running transactions on the table, and the writes (for DROP, the reads too) that arrive meanwhile queue behind it. The trigger then runs on every write of a busy table. `DISABLE TRIGGER ALL` also turns off the foreign-key checks of the table.",
    fix: "Run it with a short `lock_timeout` (and retry) at a quiet time; keep the trigger function cheap. Never disable the internal (ALL) triggers in a migration.",
  },
  statement: (statement, state) => {
    const { kind, node } = statement;
    if (kind === "CreateTrigStmt") {
      const table = rangeVarName(node.relation as Node);
      if (createdHere(statement, state, table, !(node.relation as Node).schemaname)) return [];
      return [{ message: `CREATE TRIGGER ${node.trigname as string} takes a SHARE ROW EXCLUSIVE lock on ${table}: writes wait`, object: table }];
    }
    if (kind === "DropStmt" && node.removeType === "OBJECT_TRIGGER") {
      return ((node.objects ?? []) as Node[]).flatMap((o) => {
        const parts = names((o.List as Node | undefined)?.items);
        const table = qualifiedName(parts.slice(0, -1));
        if (createdHere(statement, state, table, parts.length < 2)) return [];
        return [{ message: `DROP TRIGGER ${parts.at(-1) ?? ""} takes an ACCESS EXCLUSIVE lock on ${table}: reads and writes wait`, object: table }];
      });
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      if (!alterCommands(node).some((c) => TOGGLES[c.subtype as string]) || createdHere(statement, state, table, !(node.relation as Node).schemaname)) return [];
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
