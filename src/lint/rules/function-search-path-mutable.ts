import { ident } from "../../sql/ident.js";
import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import { routineSignature } from "../rules-support/routine-signature.js";
import type { Node } from "../statements.js";

/** Languages whose bodies do not look names up at run time. */
const NO_NAME_LOOKUP: ReadonlySet<string> = new Set(["c", "internal"]);

const pinned = (schema: string): string => `${ident(schema)}, pg_temp`;

export default defineRule({
  id: "function-search-path-mutable",
  severity: "warning",
  docs: {
    summary: "A function or procedure without its own `SET search_path` (C functions and SQL-standard bodies, whose names are resolved when they are created, are exempt).",
    why: "Unqualified names in the body are resolved with the caller's `search_path`, so a caller (or anyone who can create objects in a schema early on the path, or a temporary object) can make it call their function or read their table instead. With `SECURITY DEFINER` that runs with the owner's rights. Setting it on a `LANGUAGE sql` function stops it being inlined: for those prefer a SQL-standard body (`BEGIN ATOMIC … END` / `RETURN …`, PostgreSQL 14+).",
    fix: "`ALTER FUNCTION … SET search_path = <its schema>, pg_temp` (or `= ''` with every name in the body schema-qualified); in the migration, add the `SET search_path = …` clause to CREATE FUNCTION.",
  },
  statement: ({ kind, node, text }) => {
    if (kind !== "CreateFunctionStmt" || node.sql_body) return [];
    const options = ((node.options ?? []) as Node[]).map((o) => o.DefElem as Node).filter(Boolean);
    const language = (((options.find((o) => o.defname === "language")?.arg as Node | undefined)?.String as Node | undefined)?.sval as string | undefined)?.toLowerCase() ?? "sql";
    if (NO_NAME_LOOKUP.has(language)) return [];
    if (options.some((o) => o.defname === "set" && ((o.arg as Node)?.VariableSetStmt as Node | undefined)?.name === "search_path")) return [];
    const parts = names(node.funcname);
    const schema = parts.length > 1 ? parts.at(-2)! : "public";
    const name = `${schema}.${parts.at(-1)!}`;
    const what = node.is_procedure ? "procedure" : "function";
    return [
      {
        message: `${what} ${name} has no SET search_path: names in its body resolve with the caller's search_path`,
        object: name,
        fix: { title: "pin search_path", sql: `${text.replace(/;?\s*$/, "")}\nSET search_path = ${pinned(schema)};` },
      },
    ];
  },
  schema: (catalog) =>
    catalog.routines.flatMap((r) => {
      if ((r.kind !== "function" && r.kind !== "procedure") || r.sqlStandardBody || NO_NAME_LOOKUP.has(r.language)) return [];
      if ((r.config ?? []).some((c) => c.startsWith("search_path="))) return [];
      return [
        {
          message: `${r.kind} ${r.schema}.${r.name}(${r.identityArguments})${r.securityDefiner ? " (SECURITY DEFINER)" : ""} has no SET search_path`,
          object: `${r.schema}.${r.name}`,
          fix: { title: "pin search_path", sql: `ALTER ${routineSignature(r)} SET search_path = ${pinned(r.schema)};` },
        },
      ];
    }),
});
