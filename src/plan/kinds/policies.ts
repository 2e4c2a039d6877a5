import type { Policy } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname, role } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { createSteps, dropStep } from "../generic.js";
import { verifyAbsent, verifyExists } from "../verify.js";
import { type AlterResult, alterStep, changedFields, commentStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

/** `ALTER POLICY` restating roles and expressions; an expression that goes away cannot be removed in place. */
function alterSql(p: Policy): string {
  return [
    `ALTER POLICY ${ident(p.name)} ON ${qname(p.table)} TO ${p.roles.map(role).join(", ")}`,
    ...(p.using !== undefined ? [`USING (${p.using})`] : []),
    ...(p.withCheck !== undefined ? [`WITH CHECK (${p.withCheck})`] : []),
  ].join(" ") + ";";
}

export const policiesKind: KindPlanner<"policies"> = {
  create: (entry, ctx) => {
    const exists = !ctx.created.has(objectId.table(entry.object.table));
    return createSteps(entry, ctx, {
      verify: verifyExists(entry),
      locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(entry.object.table) }],
      hazards: exists ? [hazard("authorization-change", `policy ${entry.object.name} now decides which rows of ${qname(entry.object.table)} roles see or write`)] : [],
    });
  },
  drop: (entry, ctx, implied) =>
    dropStep(entry, ctx, implied, {
      verify: verifyAbsent(entry),
      locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(entry.object.table) }],
      hazards: [hazard("authorization-change", `policy ${entry.object.name} no longer applies to ${qname(entry.object.table)}`)],
    }),
  alter: (fromEntry, toEntry): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    const fields = changedFields(f, t).filter((k) => k !== "comment");
    const removesExpression = (f.using !== undefined && t.using === undefined) || (f.withCheck !== undefined && t.withCheck === undefined);
    const addsExpression = (t.using !== undefined && f.using === undefined) || (t.withCheck !== undefined && f.withCheck === undefined);
    if (fields.some((k) => k !== "roles" && k !== "using" && k !== "withCheck") || removesExpression || addsExpression) {
      return { recreate: "its command, kind or the presence of an expression changes" };
    }
    const steps: Step[] = [];
    if (fields.length > 0) {
      steps.push(
        alterStep({
          why: `change policy ${t.name} on ${qname(t.table)} (${fields.join(", ")})`,
          object: id,
          detail: "policy",
          up: [alterSql(t)],
          down: [alterSql(f)],
          locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(t.table) }],
          hazards: [hazard("authorization-change", `rows visible or writable under policy ${t.name} on ${qname(t.table)} change`)],
          breaking: [breaking("policy-denies", `policy ${t.name} on ${qname(t.table)} changes: queries may see or write fewer rows`)],
          verify: verifyExists(toEntry),
        }),
      );
    }
    steps.push(...commentStep(id, `POLICY ${ident(t.name)} ON ${qname(t.table)}`, f.comment, t.comment));
    return { steps };
  },
};
