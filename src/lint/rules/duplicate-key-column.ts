import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";

/** An index element without its position, to compare two of them (`a`, `lower(b)`, `a DESC`, `a text_pattern_ops`). */
const elementKey = (e: Node): string => JSON.stringify(e, (k, v: unknown) => (k === "location" ? undefined : v));

const repeated = (keys: string[]): string[] => [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];

export default defineRule({
  id: "duplicate-key-column",
  severity: "error",
  docs: {
    summary: "The same column twice in a PRIMARY KEY, UNIQUE constraint or index (`PRIMARY KEY (a, a)`, `CREATE INDEX … (a, a)`).",
    why: "For a primary key or unique constraint the statement fails (`column \"a\" appears twice in primary key constraint`), so the migration stops half way. An index accepts it, but the second copy adds size and write cost and no lookup can use it.",
    fix: "List each column once.",
  },
  statement: ({ kind, node }) => {
    const found: Report[] = [];
    const constraint = (table: string, c: Node): void => {
      if (c.contype !== "CONSTR_PRIMARY" && c.contype !== "CONSTR_UNIQUE") return;
      const twice = repeated(names(c.keys));
      if (twice.length) found.push({ message: `${c.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} on ${table} lists ${twice.join(", ")} twice: the statement fails`, object: table, at: c.location as number });
    };
    if (kind === "CreateStmt") {
      const table = rangeVarName(node.relation as Node);
      for (const e of (node.tableElts ?? []) as Node[]) if (e.Constraint) constraint(table, e.Constraint as Node);
    } else if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      for (const cmd of alterCommands(node)) {
        const c = (cmd.def as Node | undefined)?.Constraint as Node | undefined;
        if (cmd.subtype === "AT_AddConstraint" && c) constraint(table, c);
      }
    } else if (kind === "IndexStmt") {
      const table = rangeVarName(node.relation as Node);
      const params = ((node.indexParams ?? []) as Node[]).map((p) => p.IndexElem as Node);
      const keys = params.map(elementKey);
      const twice = repeated(keys);
      if (twice.length) {
        const shown = twice.map((k) => (params[keys.indexOf(k)]!.name as string | undefined) ?? "an expression");
        found.push({ message: `index ${(node.idxname as string | undefined) ?? "(unnamed)"} on ${table} lists ${shown.join(", ")} twice`, object: table, at: (node.relation as Node).location as number });
      }
    }
    return found;
  },
});
