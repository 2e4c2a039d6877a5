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
