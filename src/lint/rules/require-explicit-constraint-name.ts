import { alterCommands, columnConstraints, columnDefs, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";

const NAMED_KINDS: Record<string, string> = {
  CONSTR_PRIMARY: "primary key",
  CONSTR_UNIQUE: "unique constraint",
  CONSTR_CHECK: "check constraint",
  CONSTR_FOREIGN: "foreign key",
  CONSTR_EXCLUSION: "exclusion constraint",
};

export default defineRule({
  id: "require-explicit-constraint-name",
  severity: "info",
  docs: {
    summary: "A primary key, unique, check, foreign key or exclusion constraint, or an index, created without a name.",
    why: "PostgreSQL makes one up (`orders_customer_id_fkey`, `orders_total_check1`, `orders_sku_idx2`) from the table, the columns and whatever names are already taken: the same migration can give different names on databases with a different history, and later migrations that drop or alter the constraint by name break on some of them.",
    fix: "Name it: `CONSTRAINT orders_customer_fk FOREIGN KEY …`, `CREATE INDEX orders_sku_idx ON …`.",
  },
  statement: ({ kind, node }) => {
    const out: Report[] = [];
    const check = (table: string, c: Node): void => {
      const what = NAMED_KINDS[c.contype as string];
      if (what && !c.conname && !c.indexname) out.push({ message: `${what} on ${table} has no name: PostgreSQL makes one up`, object: table, at: c.location as number });
    };
    for (const c of columnDefs(kind, node)) for (const k of columnConstraints(c.def)) check(c.table, k);
    if (kind === "CreateStmt") {
      const table = rangeVarName(node.relation as Node);
      for (const e of (node.tableElts ?? []) as Node[]) if (e.Constraint) check(table, e.Constraint as Node);
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      for (const c of alterCommands(node)) if (c.subtype === "AT_AddConstraint" && (c.def as Node | undefined)?.Constraint) check(table, (c.def as Node).Constraint as Node);
    }
    if (kind === "IndexStmt" && !node.idxname) {
      const table = rangeVarName(node.relation as Node);
      out.push({ message: `index on ${table} has no name: PostgreSQL makes one up`, object: table, at: (node.relation as Node).location as number });
    }
    return out;
  },
});
