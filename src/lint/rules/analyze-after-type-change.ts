import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import { fileMemory } from "../rules-support/file-memory.js";
import { relationSql } from "../rules-support/sql-text.js";
import type { Node } from "../statements.js";

interface Pending {
  /** The table as written (for the ANALYZE to suggest). */
  readonly sql: string;
  readonly columns: Set<string>;
  readonly at: number;
}

/** Tables with a column whose type changed and that no ANALYZE covered since; the end hook reports them. */
const memory = fileMemory(() => new Map<string, Pending>());

/** Whether a VacuumStmt analyzes (ANALYZE, or VACUUM with the ANALYZE option not turned off). */
function analyzes(node: Node): boolean {
  if (!node.is_vacuumcmd) return true;
  return ((node.options ?? []) as Node[]).some((o) => {
    const d = o.DefElem as Node | undefined;
    if (d?.defname !== "analyze") return false;
    const arg = d.arg as Node | undefined;
    const value = String((arg?.String as Node | undefined)?.sval ?? (arg?.Integer as Node | undefined)?.ival ?? (arg?.Boolean as Node | undefined)?.boolval ?? "true").toLowerCase();
    return !["false", "off", "0", "no"].includes(value);
  });
}

export default defineRule({
  id: "analyze-after-type-change",
  severity: "info",
  docs: {
    summary: "`ALTER COLUMN … TYPE` on a table this migration did not create, with no `ANALYZE` of the table (or column) after it by the end of the file.",
    why: "Changing a column's type deletes the column's statistics. Until autovacuum gets to analyze the table (it analyzes a table once enough of its rows have changed, and a type change need not count as changed rows), the planner guesses the column's selectivity and can pick bad plans for every query filtering or joining on it.",
    fix: "End the migration with `ANALYZE table;` (or `ANALYZE table (column);`).",
  },
  statement: (statement, state) => {
    const pending = memory(statement);
    const { kind, node } = statement;
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      if (state.createdTables.has(table)) return [];
      for (const c of alterCommands(node).filter((x) => x.subtype === "AT_AlterColumnType")) {
        const entry = pending.get(table) ?? { sql: relationSql(node.relation as Node), columns: new Set<string>(), at: statement.byteStart };
        entry.columns.add(c.name as string);
        pending.set(table, entry);
      }
    } else if (kind === "VacuumStmt" && analyzes(node)) {
      const rels = ((node.rels ?? []) as Node[]).map((r) => r.VacuumRelation as Node);
      if (rels.length === 0) pending.clear();
      for (const r of rels) {
        const table = rangeVarName(r.relation as Node);
        const cols = names(r.va_cols);
        if (cols.length === 0) pending.delete(table);
        else {
          for (const col of cols) pending.get(table)?.columns.delete(col);
          if (pending.get(table)?.columns.size === 0) pending.delete(table);
        }
      }
    }
    return [];
  },
  end: (_state, _context, file) => {
    const reports: Report[] = [...memory(file)].map(([table, p]) => ({
      message: `the statistics of ${[...p.columns].map((c) => `${table}.${c}`).join(", ")} were removed by the type change and nothing analyzes them again`,
      object: table,
      at: p.at,
      fix: { title: "analyze the table", sql: `ANALYZE ${p.sql};` },
    }));
    return reports;
  },
});
