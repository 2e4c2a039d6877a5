import { alterCommands, columnConstraints, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { fileMemory } from "../rules-support/file-memory.js";
import type { Node } from "../statements.js";

/** Tables created in this file without a primary key (byte offset of the name), until an ALTER TABLE adds one. */
const created = fileMemory(() => new Map<string, number>());

const isPrimary = (c: Node | undefined): boolean => c?.contype === "CONSTR_PRIMARY";

export default defineRule({
  id: "require-primary-key",
  severity: "warning",
  docs: {
    summary: "A table without a primary key (in a migration: created without one and none added later in the file; partitions, whether created `PARTITION OF` or attached later, are judged by their parent).",
    why: "Rows cannot be addressed one by one (ORMs, admin tools and logical replication of UPDATE and DELETE need an identity), and duplicates creep in.",
    fix: "`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or a primary key on the natural key.",
  },
  statement: (statement) => {
    const { kind, node } = statement;
    const pending = created(statement);
    if (kind === "CreateStmt" && !node.partbound && !node.inhRelations && !node.ofTypename) {
      const elements = (node.tableElts ?? []) as Node[];
      const hasPk = elements.some((e) => isPrimary(e.Constraint as Node | undefined)) || elements.some((e) => e.ColumnDef && columnConstraints(e.ColumnDef as Node).some(isPrimary));
      if (!hasPk) pending.set(rangeVarName(node.relation as Node), (node.relation as Node).location as number);
    }
    if (kind === "AlterTableStmt") {
      for (const c of alterCommands(node)) {
        if (c.subtype === "AT_AddConstraint" && isPrimary((c.def as Node | undefined)?.Constraint as Node | undefined)) pending.delete(rangeVarName(node.relation as Node));
        // A table attached as a partition (pg_dump creates partitions as plain tables and attaches them later) is
        // keyed through its parent, as one created PARTITION OF is: the parent's key is the one that counts.
        const part = ((c.def as Node | undefined)?.PartitionCmd as Node | undefined)?.name as Node | undefined;
        if (c.subtype === "AT_AttachPartition" && part) pending.delete(rangeVarName(part));
      }
    }
    return [];
  },
  // Dumps create tables first and add keys at the end: only the end of the file knows.
  end: (_state, _context, file) => [...created(file)].map(([table, at]) => ({ message: `table ${table} has no primary key`, object: table, at })),
  schema: (catalog) =>
    catalog.tables
      .filter((t) => !t.partitionOf && !t.foreign && !t.constraints.some((c) => c.kind === "primary-key"))
      .map((t) => ({ message: `table ${t.schema}.${t.name} has no primary key`, object: `${t.schema}.${t.name}` })),
});
