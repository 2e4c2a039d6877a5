import { collectNodes } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import { type OutputName, outputNames } from "../rules-support/output-names.js";
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

const stringList = (list: unknown): string[] => ((list ?? []) as Node[]).map((x) => (x.String as Node).sval as string);

function madeColumns(kind: string, node: Node): { what: string; columns: readonly OutputName[] } | undefined {
  const select = (q: unknown): Node | undefined => (q as Node | undefined)?.SelectStmt as Node | undefined;
  let out: { what: string; columns: OutputName[] | undefined } | undefined;
  if (kind === "ViewStmt") out = { what: "CREATE VIEW", columns: outputNames(select(node.query), stringList(node.aliases)) };
  else if (kind === "CreateTableAsStmt") {
    const what = node.objtype === "OBJECT_MATVIEW" ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
    out = { what, columns: outputNames(select(node.query), stringList((node.into as Node | undefined)?.colNames)) };
  } else if (kind === "SelectStmt" && node.intoClause) out = { what: "SELECT INTO", columns: outputNames(node, stringList((node.intoClause as Node).colNames)) };
  return out?.columns ? { what: out.what, columns: out.columns } : undefined;
}

export default defineRule({
  id: "ban-duplicate-column-assignments",
  severity: "error",
  docs: {
    summary: "A column assigned or listed twice: `UPDATE … SET a = 1, a = 2`, `ON CONFLICT … DO UPDATE SET`, `MERGE … UPDATE SET`, an INSERT column list, a CREATE (FOREIGN) TABLE column, or the columns a view, CREATE TABLE AS, a materialized view or SELECT INTO makes (`SELECT a.id, b.id`, two unnamed constants).",
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
    const reports: Report[] = lists.flatMap(({ what, list }) => duplicates(list).map((t) => ({ message: `column ${t.name} appears twice in ${what}`, object: t.name, at: t.location })));
    const table = kind === "CreateStmt" ? node : kind === "CreateForeignTableStmt" ? (node.base as Node) : undefined;
    if (table) {
      const what = kind === "CreateStmt" ? "CREATE TABLE" : "CREATE FOREIGN TABLE";
      const seen = new Set<string>();
      for (const e of (table.tableElts ?? []) as Node[]) {
        const def = e.ColumnDef as Node | undefined;
        if (!def) continue;
        const name = def.colname as string;
        if (seen.has(name)) reports.push({ message: `column ${name} is defined twice in ${what}`, object: name, at: def.location as number });
        seen.add(name);
      }
    }
    // The columns a view, CREATE TABLE AS, a materialized view or SELECT INTO makes: its column list, then the
    // query's output names as PostgreSQL gives them (`?column?` for two constants clashes too).
    const made = madeColumns(kind, node);
    if (made) {
      const seen = new Set<string>();
      for (const c of made.columns) {
        if (c.name === undefined) continue;
        if (seen.has(c.name)) reports.push({ message: `column ${c.name} appears twice in the columns ${made.what} makes`, object: c.name, ...(c.location !== undefined ? { at: c.location } : {}) });
        seen.add(c.name);
      }
    }
    return reports;
  },
});
