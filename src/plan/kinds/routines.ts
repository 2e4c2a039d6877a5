import type { Routine } from "../../catalog/model.js";
import { createRoutineStatement, grantSignature, routineKeyword, routineSignature } from "../../sql/ddl/routine-create.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { verifyExists } from "../verify.js";
import { type AlterResult, aclStep, alterStep, changedFields, commentStep, ownerStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

/** Fields `CREATE OR REPLACE` may change; the rest (result type, argument names and defaults, kind) need a drop. */
const REPLACEABLE = new Set<keyof Routine>([
  "language", "volatility", "strict", "securityDefiner", "leakproof", "parallel", "cost", "rows", "config",
  "transforms", "support", "body", "sqlStandardBody", "objectFile", "definition",
]);
const IN_PLACE = new Set<keyof Routine>(["comment", "owner", "acl"]);

/** `CREATE OR REPLACE`, with body checks off for string bodies as in the DDL writer (they may name later objects). */
function replaceStatements(r: Routine): string[] {
  const create = createRoutineStatement(r).replace(/^CREATE (FUNCTION|PROCEDURE)/, "CREATE OR REPLACE $1");
  return r.sqlStandardBody ? [create] : ["SET check_function_bodies = false;", create, "RESET check_function_bodies;"];
}

export const routinesKind: KindPlanner<"routines"> = {
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    const fields = changedFields(f, t);
    const blocking = fields.find((k) => !REPLACEABLE.has(k) && !IN_PLACE.has(k));
    if (blocking !== undefined || (t.kind === "aggregate" && fields.some((k) => REPLACEABLE.has(k)))) {
      return { recreate: `its ${String(blocking ?? "definition")} changes, which CREATE OR REPLACE cannot do` };
    }
    const signature = routineSignature(t);
    const keyword = routineKeyword(t);
    const steps: Step[] = [];
    if (fields.some((k) => REPLACEABLE.has(k))) {
      steps.push(
        alterStep({
          why: `replace ${keyword.toLowerCase()} ${signature}`,
          object: id,
          detail: "definition",
          up: replaceStatements(t),
          down: replaceStatements(f),
          hazards: [
            ...(f.securityDefiner !== t.securityDefiner ? [hazard("authorization-change", `${signature} now runs as ${t.securityDefiner ? "its owner" : "the caller"}`)] : []),
          ],
          verify: verifyExists(toEntry),
        }),
      );
    }
    steps.push(...commentStep(id, `${keyword} ${signature}`, f.comment, t.comment));
    steps.push(...ownerStep(id, `ALTER ${keyword} ${signature}`, f.owner, t.owner));
    if (ctx.options.privileges) {
      steps.push(...aclStep(id, t.kind === "procedure" ? "PROCEDURE" : "FUNCTION", grantSignature(t), { from: f.owner, to: t.owner }, f.acl, t.acl));
    }
    return { steps };
  },
};
