import type { Catalog } from "../catalog/model.js";
import { objectId } from "../catalog/object-id.js";
import { hazard } from "./hazards.js";
import type { Step } from "./step.js";

/**
 * A column dropped and a column of the same type added to the same table look like a rename. The plan never
 * renames without a hint (`--rename`), and never loses the data silently either: both steps carry the hazard.
 */
export function markRenameCandidates(steps: readonly Step[]): Step[] {
  const tableOf = (id: string): string => id.slice("column:".length, id.lastIndexOf("."));
  const drops = steps.filter((s) => s.change.action === "alter" && s.change.detail === "drop" && s.change.object.startsWith("column:"));
  const adds = steps.filter((s) => s.change.action === "alter" && s.change.detail === "add" && s.change.object.startsWith("column:"));
  const pairs = new Map<Step, string>();
  for (const d of drops) {
    for (const a of adds) {
      if (tableOf(d.change.object) !== tableOf(a.change.object)) continue;
      pairs.set(d, a.change.object);
      pairs.set(a, d.change.object);
    }
  }
  return steps.map((s) => {
    const other = pairs.get(s);
    if (other === undefined) return s;
    return {
      ...s,
      hazards: [...s.hazards, hazard("rename-candidate", `${s.change.object} and ${other} may be one column renamed: pass --rename to keep its data`)],
    };
  });
}

/**
 * A table dropped and a table with the same columns (names and types) created in the same schema: the same look of
 * a rename, marked on both steps.
 */
export function markTableRenameCandidates(steps: readonly Step[], from: Catalog, to: Catalog): Step[] {
  const shape = (t: Catalog["tables"][number]): string => JSON.stringify([t.schema, t.columns.map((c) => [c.name, c.type])]);
  const toIds = new Set(to.tables.map((t) => objectId.table(t)));
  const fromIds = new Set(from.tables.map((t) => objectId.table(t)));
  const dropped = from.tables.filter((t) => !toIds.has(objectId.table(t)));
  const added = to.tables.filter((t) => !fromIds.has(objectId.table(t)));
  const partner = new Map<string, string>();
  for (const d of dropped) {
    const a = added.find((x) => shape(x) === shape(d) && ![...partner.values()].includes(objectId.table(x)));
    if (!a) continue;
    partner.set(objectId.table(d), objectId.table(a));
    partner.set(objectId.table(a), objectId.table(d));
  }
  if (partner.size === 0) return [...steps];
  return steps.map((s) => {
    const other = partner.get(s.change.object);
    if (other === undefined || s.change.detail !== undefined || (s.change.action !== "drop" && s.change.action !== "create")) return s;
    return { ...s, hazards: [...s.hazards, hazard("rename-candidate", `${s.change.object} and ${other} may be one table renamed: pass --rename table:… to keep its rows`)] };
  });
}
