import { collectNodes } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

interface Target {
  readonly name: string;
  /** `a[1] = …`, `c.f = …`: several of these on one column are allowed. */
  readonly partial: boolean;
  readonly location: number;
}

const targets = (list: unknown): Target[] =>
  ((list ?? []) as Node[])
    .map((t) => t.ResTarget as Node | undefined)
    .filter((t): t is Node => !!t?.name)
    .map((t) => ({ name: t.name as string, partial: Array.isArray(t.indirection) && t.indirection.length > 0, location: t.location as number }));

/**
 * The repeated ones: PostgreSQL refuses a column named twice in one SET or column list unless every mention assigns
 * a part of it (an array element or a composite field).
 */
function duplicates(list: Target[]): Target[] {
  const byName = new Map<string, Target[]>();
  for (const t of list) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  return [...byName.values()].filter((g) => g.length > 1 && g.some((t) => !t.partial)).flatMap((g) => g.slice(1));
}

export default defineRule({
  id: "ban-duplicate-column-assignments",
  severity: "error",
  docs: {
    summary: "A column assigned or listed twice: `UPDATE … SET a = 1, a = 2`, `ON CONFLICT … DO UPDATE SET`, `MERGE … UPDATE SET`, an INSERT column list, or a CREATE TABLE column.",
    why: "PostgreSQL rejects the statement (`multiple assignments to same column`, `column specified more than once`): the migration fails when it runs. Usually one of the two was meant to be another column.",
    fix: "Remove the duplicate, or name the column that was meant.",
    squawk: "ban-duplicate-column-assignments",
  },
  statement: ({ kind, node }) => {
    // One walk for the three kinds; the statement itself is one of them when it is an UPDATE or an INSERT.
    const found = collectNodes(node, ["UpdateStmt", "InsertStmt", "MergeWhenClause"]);
    if (kind === "UpdateStmt" || kind === "InsertStmt") found[kind].unshift(node);
    const lists: { what: string; list: Target[] }[] = [
      ...found.UpdateStmt.map((u) => ({ what: "UPDATE … SET", list: targets(u.targetList) })),
      ...found.InsertStmt.flatMap((i) => [
        { what: "INSERT column list", list: targets(i.cols) },
        { what: "ON CONFLICT … DO UPDATE SET", list: targets((i.onConflictClause as Node | undefined)?.targetList) },
      ]),
      ...found.MergeWhenClause.map((w) => ({ what: w.commandType === "CMD_INSERT" ? "MERGE … INSERT column list" : "MERGE … UPDATE SET", list: targets(w.targetList) })),
    ];
    const reports = lists.flatMap(({ what, list }) => duplicates(list).map((t) => ({ message: `column ${t.name} appears twice in ${what}`, object: t.name, at: t.location })));
    if (kind === "CreateStmt") {
      const seen = new Set<string>();
      for (const e of (node.tableElts ?? []) as Node[]) {
        const def = e.ColumnDef as Node | undefined;
        if (!def) continue;
        const name = def.colname as string;
        if (seen.has(name)) reports.push({ message: `column ${name} is defined twice in CREATE TABLE`, object: name, at: def.location as number });
        seen.add(name);
      }
    }
    return reports;
  },
});
