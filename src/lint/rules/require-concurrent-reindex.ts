import { optionOn, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { createdIndexName, earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

const WHAT: Record<string, string> = { REINDEX_OBJECT_INDEX: "INDEX", REINDEX_OBJECT_TABLE: "TABLE", REINDEX_OBJECT_SCHEMA: "SCHEMA", REINDEX_OBJECT_DATABASE: "DATABASE" };

export default defineRule({
  id: "require-concurrent-reindex",
  severity: "warning",
  docs: {
    summary: "`REINDEX` (index, table, schema or database) without `CONCURRENTLY`.",
    why: "A plain REINDEX holds a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on each index it rebuilds: queries whose planning looks at that index wait too, which is most queries on the table.",
    fix: "`REINDEX … CONCURRENTLY` (PostgreSQL 12+), outside a transaction block; `REINDEX SYSTEM` has no concurrent form and is not flagged. A failed concurrent rebuild leaves an invalid `_ccnew` index to drop.",
    squawk: "require-concurrent-reindex",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "ReindexStmt" || !WHAT[node.kind as string]) return [];
    if (optionOn(node.params, "concurrently")) return [];
    const rv = node.relation as Node | undefined;
    const target = rv ? rangeVarName(rv) : (node.name as string | undefined) ?? "";
    // Tables made earlier in this file, and indexes on them, are new and empty: rebuilding them blocks nothing.
    if (node.kind === "REINDEX_OBJECT_TABLE" && state.createdTables.has(target)) return [];
    if (node.kind === "REINDEX_OBJECT_INDEX" && earlier.some((s) => s.kind === "IndexStmt" && createdIndexName(s.node) === target && state.createdTables.has(rangeVarName(s.node.relation as Node)))) return [];
    const what = WHAT[node.kind as string]!;
    // `REINDEX [(options)] TABLE CONCURRENTLY name` is the form every version 13–18 accepts.
    const rewritten = statement.text.replace(/^(REINDEX\s*(?:\([^)]*\)\s*)?(?:INDEX|TABLE|SCHEMA|DATABASE))\b/i, "$1 CONCURRENTLY");
    return [
      {
        message: `REINDEX ${what} ${target} blocks writes, and the queries that plan with the rebuilt indexes`,
        object: target,
        // An explicit `(CONCURRENTLY false)` would conflict with the added keyword: no rewrite then.
        ...(state.inTransaction || ((node.params ?? []) as Node[]).some((p) => (p.DefElem as Node | undefined)?.defname === "concurrently")
          ? {}
          : { fix: { title: "rebuild concurrently", sql: `${rewritten.replace(/;?\s*$/, "")};` } }),
      },
    ];
  },
});
