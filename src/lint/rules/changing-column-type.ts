import { alterCommands, rangeVarName, typeMods, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** The parser's internal names of the SQL-standard spellings, for messages. */
const SPELLED: Record<string, string> = { int2: "smallint", int4: "integer", int8: "bigint", float4: "real", float8: "double precision", bool: "boolean", bpchar: "char" };

/**
 * Target types a change can reach without a rewrite when it widens a related type (varchar(10) → varchar(20),
 * varchar → text, text → citext, numeric(10,2) → numeric(12,2), varbit(8) → varbit(16)). The statement does not say
 * what the column was, so changes to these types without USING are left alone: they may be free.
 */
const MAYBE_BINARY_COERCIBLE = new Set(["text", "varchar", "numeric", "varbit", "citext"]);

export default defineRule({
  id: "changing-column-type",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ALTER COLUMN … TYPE` on an existing table, when the change rewrites the table.",
    why: "Changing a column to a type that is not binary-coercible from the old one (int → bigint, text → int, timestamp → timestamptz outside a UTC session, a narrower length, any USING) rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite. A new collation keeps the rows but rebuilds the column's indexes under the same lock. Clients reading the column may break on the new type. The rule cannot see the column's current type: a change to text, varchar, varchar(n), numeric(p,s), varbit(n) or citext without USING is not flagged, since widening (varchar(10) → varchar(20), varchar → text) only changes the catalog.",
    fix: "Expand and contract: add a column of the new type, write both from the application, backfill in batches, switch readers, then drop the old column.",
    squawk: "changing-column-type",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node).flatMap((c) => {
      if (c.subtype !== "AT_AlterColumnType") return [];
      const def = (c.def as Node).ColumnDef as Node;
      const typeNode = def.typeName as Node;
      const type = typeName(typeNode);
      const usingExpr = def.raw_default !== undefined;
      const collation = def.collClause !== undefined;
      if (!usingExpr && !collation && MAYBE_BINARY_COERCIBLE.has(type) && !Array.isArray(typeNode.arrayBounds)) return [];
      const shown = `${SPELLED[type] ?? type}${typeMods(typeNode).length ? `(${typeMods(typeNode).join(",")})` : ""}${Array.isArray(typeNode.arrayBounds) ? "[]" : ""}`;
      const maybeFree = !usingExpr && MAYBE_BINARY_COERCIBLE.has(type) && !Array.isArray(typeNode.arrayBounds);
      // A new collation alone keeps the rows as they are but rebuilds the column's indexes, under the same lock.
      const message = maybeFree
        ? `changing ${table}.${c.name as string} to ${shown} with a new collation rebuilds the indexes on it while reads and writes wait`
        : `changing ${table}.${c.name as string} to ${shown}${usingExpr ? " with USING" : ""} rewrites the table and its indexes while reads and writes wait`;
      return [{ message, object: `${table}.${c.name as string}`, at: typeNode.location as number }];
    });
  },
});
