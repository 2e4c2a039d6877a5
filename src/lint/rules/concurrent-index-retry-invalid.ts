import { ident, qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { createdIndexName, droppedObjects, earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

export default defineRule({
  id: "concurrent-index-retry-invalid",
  severity: "warning",
  docs: {
    summary: "`CREATE INDEX CONCURRENTLY IF NOT EXISTS`, without a `DROP INDEX … IF EXISTS` of the same index earlier in the file.",
    why: "A concurrent build that fails (deadlock, lock or statement timeout, a duplicate for a UNIQUE index, a cancel) leaves the index behind, marked INVALID: never used by queries, yet maintained on every write. When the migration is run again, IF NOT EXISTS sees the name and skips the build, so the invalid index stays and the migration reports success.",
    fix: "Drop a left-over first: `DROP INDEX CONCURRENTLY IF EXISTS name;` then `CREATE INDEX CONCURRENTLY name …` (IF NOT EXISTS is then not needed); or check `pg_index.indisvalid` before skipping.",
  },
  statement: (statement) => {
    const { kind, node, text } = statement;
    if (kind !== "IndexStmt" || !node.concurrent || !node.if_not_exists) return [];
    const earlier = history(statement);
    const name = createdIndexName(node)!;
    if (earlier.some((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_INDEX" && s.node.missing_ok && droppedObjects(s.node).includes(name))) return [];
    const schema = (node.relation as Node).schemaname as string | undefined;
    const drop = schema ? qualified(schema, node.idxname as string) : ident(node.idxname as string);
    return [
      {
        message: `if a failed run left ${name} INVALID, IF NOT EXISTS skips the rebuild and keeps it`,
        object: name,
        fix: { title: "drop a left-over invalid index first", sql: `DROP INDEX CONCURRENTLY IF EXISTS ${drop};\n${text.replace(/;?\s*$/, "")};` },
      },
    ];
  },
});
