import { alterCommands, columnConstraints, columnDefs, names, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node, Statement } from "../statements.js";
import { qualifiedName } from "../rules-support/earlier-statements.js";
import { walkNodes } from "../rules-support/expression-scan.js";

/** Built-in functions whose result changes between calls, sessions or over time. */
const BUILTINS = new Set([
  "now", "statement_timestamp", "clock_timestamp", "transaction_timestamp", "timeofday", "random", "random_normal", "current_setting",
  "nextval", "currval", "lastval", "setval", "txid_current", "pg_current_xact_id", "gen_random_uuid", "uuidv4", "uuidv7", "pg_backend_pid",
  "inet_client_addr", "current_schema", "current_schemas", "current_database", "current_user", "session_user", "has_table_privilege", "pg_has_role",
]);
/** The SQL-standard value functions PostgreSQL prints in capitals: all depend on time or on the session. */
const VALUE_FUNCTIONS = /\b(CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|LOCALTIME|LOCALTIMESTAMP|CURRENT_ROLE|CURRENT_USER|SESSION_USER|CURRENT_CATALOG|CURRENT_SCHEMA|SYSTEM_USER)\b/;

/** The non-immutable calls of a CHECK expression (a parse tree), given the routines created earlier in the file. */
function callsOfAst(expr: unknown, earlier: ReadonlyMap<string, string>): { name: string; at: number }[] {
  return walkNodes(expr).flatMap(({ kind, node }) => {
    if (kind === "SQLValueFunction") return [{ name: (node.op as string).replace(/^SVFOP_/, "").toLowerCase(), at: node.location as number }];
    if (kind !== "FuncCall") return [];
    const parts = names(node.funcname);
    const name = parts.at(-1)!.toLowerCase();
    const volatility = earlier.get(qualifiedName(parts));
    if (volatility !== undefined) return volatility === "immutable" ? [] : [{ name: `${parts.join(".")} (${volatility})`, at: node.location as number }];
    return (parts.length === 1 || parts[0] === "pg_catalog") && BUILTINS.has(name) ? [{ name, at: node.location as number }] : [];
  });
}

/**
 * `schema.name` → volatility of the functions created before `statement` (a later CREATE OR REPLACE wins). Built up
 * once per file as the statements come in order (rebuilt if asked about an earlier one): reading every earlier
 * statement again for each statement was quadratic on a dump.
 */
const seen = new WeakMap<readonly Statement[], { next: number; routines: Map<string, string> }>();
function routinesBefore(statement: Statement): ReadonlyMap<string, string> {
  let memo = seen.get(statement.file);
  if (!memo || memo.next > statement.index) {
    memo = { next: 0, routines: new Map() };
    seen.set(statement.file, memo);
  }
  for (; memo.next < statement.index; memo.next++) {
    const s = statement.file[memo.next]!;
    if (s.kind !== "CreateFunctionStmt") continue;
    const v = ((s.node.options ?? []) as Node[]).map((o) => o.DefElem as Node).find((d) => d?.defname === "volatility");
    memo.routines.set(qualifiedName(names(s.node.funcname)), (((v?.arg as Node | undefined)?.String as Node | undefined)?.sval as string | undefined) ?? "volatile");
  }
  return memo.routines;
}

export default defineRule({
  id: "check-constraint-not-immutable",
  severity: "warning",
  docs: {
    summary: "A CHECK constraint (of a table or a domain) that calls something not immutable: `now()`, `CURRENT_DATE`, `current_user`, `current_setting()`, `random()`, or a STABLE or VOLATILE function (one that may read tables).",
    why: "PostgreSQL checks a row only when it is written and assumes the answer never changes: `CHECK (expires_at > now())` held when the row was inserted and is false a day later, yet nothing notices until the row is updated (which then fails), or a dump is restored (which then fails and stops the restore). A function reading other tables checks against their contents of that moment only.",
    fix: "Keep CHECKs to the row's own values and immutable functions. Time- or user-dependent rules belong in a trigger (which runs on the writes you choose) or in the application; rules across tables in a foreign key or a trigger.",
  },
  statement: (statement) => {
    const { kind, node } = statement;
    const checks: { owner: string; c: Node }[] = [];
    for (const c of columnDefs(kind, node)) for (const k of columnConstraints(c.def)) checks.push({ owner: c.table, c: k });
    if (kind === "CreateStmt") for (const e of (node.tableElts ?? []) as Node[]) if (e.Constraint) checks.push({ owner: rangeVarName(node.relation as Node), c: e.Constraint as Node });
    if (kind === "AlterTableStmt")
      for (const c of alterCommands(node)) if (c.subtype === "AT_AddConstraint" && (c.def as Node | undefined)?.Constraint) checks.push({ owner: rangeVarName(node.relation as Node), c: (c.def as Node).Constraint as Node });
    if (kind === "CreateDomainStmt") for (const e of (node.constraints ?? []) as Node[]) if (e.Constraint) checks.push({ owner: `domain ${qualifiedName(names(node.domainname))}`, c: e.Constraint as Node });
    if (kind === "AlterDomainStmt" && node.subtype === "C" && (node.def as Node | undefined)?.Constraint) checks.push({ owner: `domain ${qualifiedName(names(node.typeName))}`, c: (node.def as Node).Constraint as Node });
    if (!checks.some(({ c }) => c.contype === "CONSTR_CHECK")) return [];
    const routines = routinesBefore(statement);
    const out: Report[] = [];
    for (const { owner, c } of checks) {
      if (c.contype !== "CONSTR_CHECK") continue;
      const calls = callsOfAst(c.raw_expr, routines);
      if (calls.length) out.push({ message: `CHECK ${(c.conname as string | undefined) ?? ""} on ${owner} calls ${[...new Set(calls.map((x) => x.name))].join(", ")}: it is checked only when a row is written`.replace("CHECK  on", "CHECK on"), object: owner.replace(/^domain /, ""), at: calls[0]!.at });
    }
    return out;
  },
  schema: (catalog) => {
    const volatile = catalog.routines.filter((r) => r.volatility !== "immutable" && r.kind === "function");
    const calls = (expression: string): string[] => {
      const text = expression.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
      const found = [...text.matchAll(/(?<![\w.$])([a-z_][a-z0-9_$]*)\(/g)].map((m) => m[1]!).filter((n) => BUILTINS.has(n));
      const value = VALUE_FUNCTIONS.exec(text)?.[1];
      const user = volatile.filter((r) => new RegExp(`(?<![\\w$])(${r.schema.replace(/\W/g, "\\$&")}\\.)?${r.name.replace(/\W/g, "\\$&")}\\(`).test(expression)).map((r) => `${r.schema}.${r.name} (${r.volatility})`);
      return [...new Set([...found, ...(value ? [value.toLowerCase()] : []), ...user])];
    };
    const out: Report[] = [];
    for (const t of catalog.tables) {
      if (t.partitionOf) continue;
      for (const c of t.constraints) {
        if (c.kind !== "check") continue;
        const found = calls(c.expression);
        if (found.length) out.push({ message: `CHECK ${c.name} on ${t.schema}.${t.name} calls ${found.join(", ")}: it is checked only when a row is written`, object: `${t.schema}.${t.name}` });
      }
    }
    for (const d of catalog.types) {
      if (d.kind !== "domain") continue;
      for (const c of d.constraints) {
        const found = calls(c.definition);
        if (found.length) out.push({ message: `CHECK ${c.name} on domain ${d.schema}.${d.name} calls ${found.join(", ")}: it is checked only when a row is written`, object: `${d.schema}.${d.name}` });
      }
    }
    return out;
  },
});
