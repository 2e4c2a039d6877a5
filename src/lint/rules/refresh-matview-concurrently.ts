import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { droppedObjects, earlierStatements } from "../rules-support/earlier-statements.js";
import { relationSql } from "../rules-support/sql-text.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

/** A UNIQUE index that REFRESH … CONCURRENTLY can use: on plain columns only, without WHERE. */
const qualifies = (node: Node): boolean =>
  node.unique === true && !node.whereClause && ((node.indexParams ?? []) as Node[]).every((p) => (p.IndexElem as Node | undefined)?.name !== undefined);

/** What the file says about a materialized view it created: whether it is populated, and whether it has a qualifying unique index. */
function createdHere(earlier: readonly Statement[], view: string): { populated: boolean; uniqueIndex: boolean } | undefined {
  let out: { populated: boolean; uniqueIndex: boolean } | undefined;
  for (const { kind, node } of earlier) {
    const into = node.into as Node | undefined;
    if (kind === "CreateTableAsStmt" && node.objtype === "OBJECT_MATVIEW" && rangeVarName(into?.rel as Node) === view) out = { populated: into?.skipData !== true, uniqueIndex: false };
    else if (!out) continue;
    else if (kind === "IndexStmt" && rangeVarName(node.relation as Node) === view && qualifies(node)) out.uniqueIndex = true;
    else if (kind === "RefreshMatViewStmt" && rangeVarName(node.relation as Node) === view) out.populated = node.skipData !== true;
    else if (kind === "DropStmt" && node.removeType === "OBJECT_MATVIEW" && droppedObjects(node).includes(view)) out = undefined;
  }
  return out;
}

export default defineRule({
  id: "refresh-matview-concurrently",
  severity: "warning",
  docs: {
    summary: "`REFRESH MATERIALIZED VIEW` without `CONCURRENTLY` of a view this migration did not create; and `CONCURRENTLY` on a view this migration created without a usable UNIQUE index, or left unpopulated.",
    why: "A plain refresh recomputes the view under an ACCESS EXCLUSIVE lock: every read of it waits until the query behind it finishes. `CONCURRENTLY` takes an EXCLUSIVE lock, which lets reads through; but it needs a populated view and a UNIQUE index on plain columns (no expressions, no WHERE), and fails otherwise.",
    fix: "Create a UNIQUE index on plain columns of the view (once), then `REFRESH MATERIALIZED VIEW CONCURRENTLY …`. The first refresh of a view created `WITH NO DATA` has to be a plain one.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "RefreshMatViewStmt") return [];
    const rv = node.relation as Node;
    const view = rangeVarName(rv);
    if (node.concurrent) {
      const here = createdHere(earlier, view);
      if (!here) return [];
      if (!here.populated) return [{ message: `${view} is not populated yet: REFRESH … CONCURRENTLY fails on it`, object: view }];
      if (!here.uniqueIndex) return [{ message: `${view} has no UNIQUE index on plain columns (without WHERE): REFRESH … CONCURRENTLY fails on it`, object: view }];
      return [];
    }
    if (node.skipData || state.createdTables.has(view)) return [];
    return [
      {
        message: `refreshing ${view} without CONCURRENTLY blocks every read of it until the refresh ends`,
        object: view,
        fix: { title: "refresh concurrently (needs a UNIQUE index on plain columns)", sql: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${relationSql(rv)};` },
      },
    ];
  },
});
