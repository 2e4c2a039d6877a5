import { execFileSync } from "node:child_process";
import { normalizeExpression } from "../../src/catalog/normalize-expression.js";
import { mayHaveSetOperation, stripSetOperationAliases } from "../../src/catalog/normalize-query.js";
import { loadParser, type PgParser } from "../../src/sql/parser.js";

/**
 * `pg_dump --schema-only` of a server database, as a sorted list of its entries with the comment headers and session
 * settings removed, so two dumps compare equal when they hold the same objects whatever order they were created in.
 */
export async function normalizedDump(url: string): Promise<string[]> {
  const text = execFileSync("pg_dump", ["--schema-only", "--no-tablespaces", url], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return normalizeDump(text, await loadParser());
}

/**
 * pg_dump prints PostgreSQL's deparsed text, which is not idempotent in two known ways (see
 * `src/catalog/normalize-expression.ts` and `normalize-query.ts`); entries get the same normalization as the model.
 */
export function normalizeDump(text: string, parser: PgParser): string[] {
  const entries = text.split(/^--\n-- (?:Name|Data for Name|TOC entry)[^\n]*\n--\n/m);
  return entries
    .slice(1)
    .map((e) =>
      e
        .split("\n")
        .filter((line) => !/^SET |^SELECT pg_catalog\.set_config\(|^-- |^\\(un)?restrict /.test(line) && line !== "--")
        .join("\n")
        .trim(),
    )
    // The order of an object's GRANT lines follows aclitem order, which carries no meaning.
    .map((e) => (e.split("\n").every((l) => /^(GRANT|REVOKE|SET ROLE|RESET ROLE|SET SESSION AUTHORIZATION|RESET SESSION AUTHORIZATION)\b/.test(l)) ? e.split("\n").sort().join("\n") : e))
    .map(sortOptionLists)
    .filter((e) => e !== "")
    .map((e) => normalizeExpression(e))
    .map((e) => (/^CREATE (MATERIALIZED )?VIEW /.test(e) && mayHaveSetOperation(e) ? stripViewAliases(e, parser) : e))
    .sort();
}

/**
 * `WITH (…)` and `SET (…)` lists of `name=value` options in one order: pg_dump prints reloptions and attribute
 * options in the order they were stored, which carries no meaning (the catalog model sorts them).
 */
function sortOptionLists(entry: string): string {
  return entry.replace(/\b(WITH|SET) \(((?:[a-z_.]+=(?:'(?:[^']|'')*'|[^,()']*))(?:, [a-z_.]+=(?:'(?:[^']|'')*'|[^,()']*))*)\)/g,
    (_m, keyword: string, list: string) => `${keyword} (${list.split(/, (?=[a-z_.]+=)/).sort().join(", ")})`);
}

/** Entries only in `a` and only in `b`. */
export function dumpDifference(a: readonly string[], b: readonly string[]): { onlyBefore: string[]; onlyAfter: string[] } {
  const count = (list: readonly string[]) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const only = (x: Map<string, number>, y: Map<string, number>) =>
    [...x].flatMap(([k, n]) => Array<string>(Math.max(0, n - (y.get(k) ?? 0))).fill(k));
  return { onlyBefore: only(ca, cb), onlyAfter: only(cb, ca) };
}

/** A view entry is `CREATE VIEW … AS SELECT …;` plus its OWNER line: normalize the statement only. */
function stripViewAliases(entry: string, parser: PgParser): string {
  const end = entry.indexOf(";\n");
  if (end === -1) return stripSetOperationAliases(entry, parser);
  return stripSetOperationAliases(entry.slice(0, end + 1), parser) + entry.slice(end + 1);
}
