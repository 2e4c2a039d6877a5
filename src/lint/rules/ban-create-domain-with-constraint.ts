import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-create-domain-with-constraint",
  severity: "warning",
  docs: {
    summary: "`CREATE DOMAIN … CHECK (…)`.",
    why: "A domain's CHECK cannot be changed in place: adding or replacing one re-checks every column of every table that uses the domain while holding SHARE locks on them, and moving a column onto a domain with a CHECK re-checks the column under an ACCESS EXCLUSIVE lock. A table CHECK constraint is replaced online (NOT VALID, then VALIDATE).",
    fix: "Create the domain without the CHECK (or use the base type) and put the rule on each column as a table CHECK constraint.",
    squawk: "ban-create-domain-with-constraint",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreateDomainStmt") return [];
    const parts = names(node.domainname);
    const domain = parts.length > 1 ? parts.slice(-2).join(".") : `public.${parts[0] ?? "?"}`;
    return ((node.constraints ?? []) as Node[])
      .map((c) => c.Constraint as Node)
      .filter((c) => c?.contype === "CONSTR_CHECK")
      .map((c) => ({ message: `domain ${domain} has a CHECK constraint${c.conname ? ` (${c.conname as string})` : ""}`, object: domain, at: c.location as number }));
  },
});
