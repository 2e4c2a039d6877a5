import type { Trigger } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../../sql/ident.js";
import type { Step } from "../step.js";
import { type AlterResult, alterStep, changedFields, commentStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

const enableSql = (t: Trigger, e: Trigger["enabled"]): string =>
  `ALTER TABLE ${qname(t.table)} ${e === undefined ? "ENABLE" : e === "disabled" ? "DISABLE" : `ENABLE ${e.toUpperCase()}`} TRIGGER ${ident(t.name)};`;

export const triggersKind: KindPlanner<"triggers"> = {
  alter: (fromEntry, toEntry): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    const fields = changedFields(f, t).filter((k) => k !== "comment" && k !== "enabled");
    if (fields.length > 0) return { recreate: `its ${String(fields[0])} changes` };
    const steps: Step[] = [];
    if (f.enabled !== t.enabled) {
      steps.push(
        alterStep({
          why: `set trigger ${t.name} on ${qname(t.table)} ${t.enabled ?? "enabled"}`,
          object: id,
          detail: "enabled",
          up: [enableSql(t, t.enabled)],
          down: [enableSql(f, f.enabled)],
          locks: [{ level: "SHARE ROW EXCLUSIVE", on: objectId.table(t.table) }],
        }),
      );
    }
    steps.push(...commentStep(id, `TRIGGER ${ident(t.name)} ON ${qname(t.table)}`, f.comment, t.comment));
    return { steps };
  },
};
