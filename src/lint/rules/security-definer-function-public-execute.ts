import type { Routine } from "../../catalog/model.js";
import { role } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { routineSignature } from "../rules-support/routine-signature.js";

/** Who may execute it among PUBLIC and the `roles` option: PUBLIC has EXECUTE by default (no ACL). */
function executors(r: Routine, watched: readonly string[]): string[] {
  if (r.acl === undefined) return ["PUBLIC"];
  return [...new Set(r.acl.filter((g) => g.privilege === "EXECUTE" && (g.grantee === "PUBLIC" || watched.includes(g.grantee))).map((g) => g.grantee))];
}

export default defineRule({
  id: "security-definer-function-public-execute",
  severity: "warning",
  docs: {
    summary: "A `SECURITY DEFINER` function or procedure that PUBLIC may execute (the default: PostgreSQL grants EXECUTE to PUBLIC on every new function), or a role listed in the option `roles` (e.g. `[\"anon\", \"authenticated\"]`).",
    why: "A SECURITY DEFINER routine runs with its owner's rights: whoever may call it gets whatever it does as the owner, usually more than they should. Since new functions are executable by PUBLIC unless revoked (or default privileges say otherwise), every role of the cluster can call it.",
    fix: "`REVOKE EXECUTE ON FUNCTION … FROM PUBLIC`, then `GRANT EXECUTE` to the roles that need it (or `ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC` for future ones).",
  },
  schema: (catalog, context) => {
    const option = context.options.roles;
    const watched = Array.isArray(option) ? option.filter((x): x is string => typeof x === "string") : [];
    return catalog.routines.flatMap((r) => {
      if (!r.securityDefiner) return [];
      const who = executors(r, watched);
      if (who.length === 0) return [];
      return [
        {
          message: `SECURITY DEFINER ${r.kind} ${r.schema}.${r.name}(${r.identityArguments}) is executable by ${who.join(", ")}`,
          object: `${r.schema}.${r.name}`,
          fix: { title: `revoke EXECUTE from ${who.join(", ")}`, sql: `REVOKE EXECUTE ON ${routineSignature(r)} FROM ${who.map(role).join(", ")};` },
        },
      ];
    });
  },
});
