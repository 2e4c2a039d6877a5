import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { fileMemory } from "../rules-support/file-memory.js";

/** `schema.name` of a dotted name list; unqualified names are in `public`. */
const domainName = (list: unknown): string => {
  const parts = names(list);
  return parts.length > 1 ? parts.slice(-2).join(".") : `public.${parts[0] ?? "?"}`;
};

/** Domains created earlier in the file: no column uses them yet unless the file says so, nothing to check. */
const created = fileMemory(() => new Set<string>());

export default defineRule({
  id: "ban-alter-domain-with-add-constraint",
  severity: "warning",
  docs: {
    summary: "`ALTER DOMAIN … ADD CONSTRAINT` without `NOT VALID` on an existing domain.",
    why: "PostgreSQL checks the new constraint against every value of every column of every table that uses the domain, holding a SHARE lock on each of those tables: writes to all of them wait for the scans. A domain's constraints are also hard to change later for the same reason.",
    fix: "Put the rule on the columns as table CHECK constraints (added NOT VALID, validated later), or add the domain constraint `NOT VALID` and run `ALTER DOMAIN … VALIDATE CONSTRAINT …` at a quiet time (it reads every column of the domain).",
    squawk: "ban-alter-domain-with-add-constraint",
  },
  statement: (statement) => {
    const memory = created(statement);
    const { kind, node } = statement;
    if (kind === "CreateDomainStmt") memory.add(domainName(node.domainname));
    if (kind !== "AlterDomainStmt" || node.subtype !== "C") return [];
    const domain = domainName(node.typeName);
    const con = (node.def as Node | undefined)?.Constraint as Node | undefined;
    if (!con || con.skip_validation || memory.has(domain)) return [];
    return [{ message: `adding ${con.conname ? `constraint ${con.conname as string}` : "a constraint"} to domain ${domain} checks every column that uses it, blocking writes to their tables`, object: domain, at: con.location as number }];
  },
});
