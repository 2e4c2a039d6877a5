import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/**
 * What a permissive policy lets through unconditionally: `USING (true)` on a command that changes or removes
 * existing rows, and a new-row check of `true` (`WITH CHECK`, or `USING` standing in for it when it is absent) on a
 * command that writes rows. `FOR SELECT … USING (true)` is a deliberate public read and is not flagged.
 */
function alwaysTrue(command: string, using: boolean, withCheck: boolean | undefined): string[] {
  const what: string[] = [];
  if ((command === "all" || command === "update" || command === "delete") && using) what.push("USING (true) lets it change or delete any row");
  if ((command === "all" || command === "insert" || command === "update") && (withCheck ?? using)) what.push("its new-row check is true: any row can be written");
  return what;
}

const isTrue = (n: Node | undefined): boolean => ((n?.A_Const as Node | undefined)?.boolval as Node | undefined)?.boolval === true;

export default defineRule({
  id: "rls-policy-always-true",
  severity: "warning",
  docs: {
    summary: "A permissive policy that allows writes unconditionally: `USING (true)` for UPDATE, DELETE or ALL, or a `WITH CHECK (true)` (or a `USING (true)` standing in for it) for INSERT, UPDATE or ALL.",
    why: "Permissive policies are OR-ed, so one that is always true opens the command to every role it names, whatever the other policies say: row-level security in name only. A read-only `FOR SELECT … USING (true)` is taken as a deliberate public read and not flagged.",
    fix: "Give the policy a real predicate (`USING (owner_id = (SELECT auth.uid()))`, `WITH CHECK (tenant_id = …)`), or scope it `TO` the one trusted role that needs full access and silence the finding there.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreatePolicyStmt" || node.permissive !== true) return [];
    const command = ((node.cmd_name as string | undefined) ?? "all").toLowerCase();
    const what = alwaysTrue(command, isTrue(node.qual as Node), node.with_check ? isTrue(node.with_check as Node) : undefined);
    const table = rangeVarName(node.table as Node);
    return what.length ? [{ message: `policy ${node.policy_name as string} on ${table} (${command}): ${what.join("; ")}`, object: table, at: (node.table as Node).location as number }] : [];
  },
  schema: (catalog) =>
    catalog.policies.flatMap((p) => {
      if (!p.permissive) return [];
      const what = alwaysTrue(p.command, p.using === "true", p.withCheck === undefined ? undefined : p.withCheck === "true");
      const table = `${p.table.schema}.${p.table.name}`;
      return what.length ? [{ message: `policy ${p.name} on ${table} (${p.command}): ${what.join("; ")}`, object: table }] : [];
    }),
});
