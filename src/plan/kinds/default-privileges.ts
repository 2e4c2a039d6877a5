import { dropSql } from "../drop-sql.js";
import { createSteps, dropStep, piecesFor } from "../generic.js";
import { hazard } from "../hazards.js";
import type { AlterResult } from "./common.js";
import { alterStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

/** An entry changes by resetting it to the built-in default and stating the new privileges. */
export const defaultPrivilegesKind: KindPlanner<"defaultPrivileges"> = {
  create: (entry, ctx) =>
    createSteps(entry, ctx, { hazards: [hazard("authorization-change", `objects created later by ${entry.object.role} get these privileges`)] }),
  drop: (entry, ctx, implied) =>
    dropStep(entry, ctx, implied, { hazards: [hazard("authorization-change", `objects created later by ${entry.object.role} get the built-in privileges`)] }),
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const state = (side: "from" | "to", entry: typeof fromEntry): string[] => [
      ...dropSql(entry),
      ...piecesFor(ctx, side, new Set([entry.id])).flatMap((p) => p.statements),
    ];
    return {
      steps: [
        alterStep({
          why: `change default privileges for role ${toEntry.object.role} on ${toEntry.object.objectType}`,
          object: toEntry.id,
          detail: "privileges",
          up: state("to", toEntry),
          down: state("from", fromEntry),
          hazards: [hazard("authorization-change", `objects created later by ${toEntry.object.role} get other privileges`)],
        }),
      ],
    };
  },
};
