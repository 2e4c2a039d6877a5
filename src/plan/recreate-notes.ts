import type { RelationColumn } from "../catalog/model.js";
import type { Entry } from "../diff/entries.js";
import { breaking, type BreakingNote } from "./breaking.js";
import { describe } from "./describe.js";

/**
 * What a dropped-and-created object means for readers when its shape changes: a view or materialized view that
 * loses a column or changes one's type, a routine whose result type or parameter defaults change. The same shape
 * (a new query, a new body) breaks nobody.
 */
export function recreateNotes(before: Entry, after: Entry): BreakingNote[] {
  const name = describe(after.id);
  if (before.list === "views" && after.list === "views") return columnNotes(name, before.object.columns, after.object.columns);
  if (before.list === "materializedViews" && after.list === "materializedViews") {
    const unpopulated = before.object.populated && !after.object.populated ? [breaking("relation-removed", `${name} is created WITH NO DATA: queries fail until it is refreshed`)] : [];
    return [...columnNotes(name, before.object.columns, after.object.columns), ...unpopulated];
  }
  if (before.list === "routines" && after.list === "routines") {
    const f = before.object;
    const t = after.object;
    const notes: BreakingNote[] = [];
    if (f.returns !== t.returns) notes.push(breaking("routine-signature-changed", `${name} now returns ${t.returns ?? "nothing"}`));
    // A new default breaks no call; a default removed, or a parameter renamed, does.
    const defaults = (a: string): number => a.split(" DEFAULT ").length - 1;
    const bare = (a: string): string => a.replace(/ DEFAULT [^,]*(?=,|$)/g, "");
    if (bare(f.arguments) !== bare(t.arguments) || defaults(t.arguments) < defaults(f.arguments)) notes.push(breaking("routine-signature-changed", `${name} now takes (${t.arguments})`));
    return notes;
  }
  return [];
}

function columnNotes(name: string, from: readonly RelationColumn[], to: readonly RelationColumn[]): BreakingNote[] {
  const after = new Map(to.map((c) => [c.name, c]));
  return from.flatMap((c) => {
    const next = after.get(c.name);
    if (!next) return [breaking("column-removed", `${name} no longer has column ${c.name}`)];
    return next.type === c.type ? [] : [breaking("column-type-changed", `${name}.${c.name} becomes ${next.type}`)];
  });
}
