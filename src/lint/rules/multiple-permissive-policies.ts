import type { Policy } from "../../catalog/model.js";
import { defineRule } from "../rule.js";
import type { Report } from "../rule.js";

const ACTIONS = ["select", "insert", "update", "delete"] as const;

export default defineRule({
  id: "multiple-permissive-policies",
  severity: "warning",
  docs: {
    summary: "More than one permissive policy of a table applies to the same role and command (a `FOR ALL` policy counts for every command, a policy `TO PUBLIC` for every role).",
    why: "Permissive policies are OR-ed: a row is visible or writable when any one of them allows it, so each added policy widens access, often beyond what its author meant, and every one of them is evaluated for each row.",
    fix: "Merge them into one policy per role and command (`USING (a OR b)` states the same access once), or make the ones meant to narrow access `AS RESTRICTIVE`.",
  },
  schema: (catalog) => {
    const byTable = new Map<string, Policy[]>();
    for (const p of catalog.policies) if (p.permissive) byTable.set(`${p.table.schema}.${p.table.name}`, [...(byTable.get(`${p.table.schema}.${p.table.name}`) ?? []), p]);
    const reports: Report[] = [];
    for (const [table, policies] of byTable) {
      if (policies.length < 2) continue;
      const roles = [...new Set(["PUBLIC", ...policies.flatMap((p) => p.roles)])].sort();
      // One finding per set of overlapping policies, with the roles and commands where they overlap.
      const overlaps = new Map<string, { policies: string[]; roles: Set<string>; actions: Set<string> }>();
      for (const role of roles)
        for (const action of ACTIONS) {
          const applying = policies
            .filter((p) => (p.command === "all" || p.command === action) && (p.roles.includes("PUBLIC") || p.roles.includes(role)))
            .map((p) => p.name)
            .sort();
          if (applying.length < 2) continue;
          const key = JSON.stringify(applying);
          const o = overlaps.get(key) ?? { policies: applying, roles: new Set(), actions: new Set() };
          o.roles.add(role);
          o.actions.add(action);
          overlaps.set(key, o);
        }
      for (const o of overlaps.values())
        reports.push({
          message: `permissive policies ${o.policies.join(", ")} on ${table} all apply to ${[...o.roles].join(", ")} for ${ACTIONS.filter((a) => o.actions.has(a)).join(", ")}`,
          object: table,
        });
    }
    return reports;
  },
});
