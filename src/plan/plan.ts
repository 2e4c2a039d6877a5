import type { Catalog, ObjectId } from "../catalog/model.js";
import { objectId } from "../catalog/object-id.js";
import { canonicalJson } from "../catalog/canonical.js";
import { recreateNotes } from "./recreate-notes.js";
import { catalogEntries, type Entry, type EntryOf, type ListName, ownerOf, tableOfPart } from "../diff/entries.js";
import { recreateClosure, withoutParts } from "./recreate.js";
import { applyRenames } from "./renames.js";
import { withDerivedHazards } from "./derived-hazards.js";
import { breaking, type BreakingNote } from "./breaking.js";
import { describe } from "./describe.js";
import type { PlanContext } from "./context.js";
import { createSteps, dropStep, keepPhase } from "./generic.js";
import { PLANNERS } from "./kinds/index.js";
import type { KindPlanner } from "./kinds/kind-planner.js";
import { type PlanOptions, type RenameHint, resolvePlanOptions } from "./options.js";
import { orderSteps } from "./order.js";
import type { Plan } from "./plan-types.js";
import { markRenameCandidates, markTableRenameCandidates } from "./rename-candidates.js";
import type { Step } from "./step.js";
import { verifyAbsent, verifyExists } from "./verify.js";

const planner = <L extends ListName>(list: L): KindPlanner<L> => PLANNERS[list] as KindPlanner<L>;

/**
 * Plans the migration that turns the schema `from` into `to`: ordered steps, each with its SQL, locks, hazards,
 * breaking notes, verification query and reversal.
 *
 * @example
 * const plan = planMigration(await loadCatalog("postgres://…/app"), await loadCatalog("schema.sql"));
 * for (const step of plan.steps) console.log(step.sql.join("\n"));
 */
export function planMigration(source: Catalog, to: Catalog, options: PlanOptions = {}): Plan {
  const resolved = resolvePlanOptions(options);
  // Renames run first; the rest is the diff from the renamed source.
  const renamed = applyRenames(source, to, [...resolved.renames, ...indexRenames(source, to, resolved.renames)]);
  const from = renamed.catalog;
  const fromEntries = catalogEntries(from);
  const toEntries = catalogEntries(to);

  // 1. Pair objects by id; ask each kind how to alter what changed.
  const alters = new Map<ObjectId, (ctx: PlanContext) => Step[]>();
  const recreate = new Set<ObjectId>();
  // Parts that alters drop (a constraint, its index, a column): what still needs them must be rebuilt.
  const partsDropped = new Set<ObjectId>();
  const handled = new Set<ObjectId>();
  const replan = (a: Catalog, b: Catalog): readonly Step[] => planMigration(a, b, { ...resolved, online: false, renames: [] }).steps;
  const probe: PlanContext = { from, to, fromEntries, toEntries, options: resolved, created: new Set(), dropped: new Set(), replan };
  for (const [id, before] of fromEntries) {
    const after = toEntries.get(id);
    if (!after || canonicalJson(before.object) === canonicalJson(after.object)) continue;
    const result = planner(before.list).alter(before as never, after as never, probe);
    if ("recreate" in result) recreate.add(id);
    else {
      for (const step of result.steps) if (step.change.detail !== "rename") for (const d of step.drops) partsDropped.add(d);
      for (const h of result.handles ?? []) handled.add(h);
      alters.set(id, (ctx) => {
        const again = planner(before.list).alter(before as never, after as never, ctx);
        return "steps" in again ? [...again.steps] : [];
      });
    }
  }
  for (const [id, entry] of fromEntries) {
    if (entry.list === "indexes" && entry.object.constraint === undefined && !toEntries.has(id)) partsDropped.add(id);
  }

  // 2. What is recreated takes along everything built on it (views over it, its indexes, triggers, policies…);
  //    a default or constraint of a table that stays is dropped and added back around it.
  const closure = recreateClosure([...recreate], partsDropped, handled, from, fromEntries, toEntries);
  for (const id of closure.objects) {
    recreate.add(id);
    alters.delete(id);
  }
  for (const [tableId, parts] of closure.parts) {
    if (!toEntries.has(tableId)) continue;
    const before = fromEntries.get(tableId) as EntryOf<"tables">;
    const after = (toEntries.get(tableId) as EntryOf<"tables"> | undefined) ?? before;
    const between: EntryOf<"tables"> = { ...before, object: withoutParts(before.object, parts) };
    // The parts come back as they were: no new values for new rows from dropping and setting a default again.
    const defaultOf = (t: EntryOf<"tables">, id: ObjectId): string | undefined =>
      t.object.columns.find((c) => objectId.columnDefault(t.object, c.name) === id)?.default;
    const restored = (s: Step): boolean =>
      s.change.detail === "default" && parts.has(s.change.object) && defaultOf(before, s.change.object) === defaultOf(after, s.change.object);
    const same = (s: Step): Step => (restored(s) ? { ...s, hazards: s.hazards.filter((h) => h.code !== "values-change") } : s);
    alters.set(tableId, (ctx) => [...tableSteps(before, between, ctx).map(same), ...tableSteps(between, after, ctx).map(same)]);
  }

  const added = [...toEntries.keys()].filter((id) => !fromEntries.has(id));
  const removed = [...fromEntries.keys()].filter((id) => !toEntries.has(id));
  const ctx: PlanContext = {
    ...probe,
    created: new Set([...added, ...recreate]),
    dropped: new Set([...removed, ...recreate]),
  };

  // 3. Steps: alters, creates, then drops with what PostgreSQL drops along with each.
  const steps: Step[] = [...alters.values()].flatMap((f) => f(ctx));
  const droppedByAlters = new Set(steps.flatMap((s) => s.drops));
  for (const id of [...added, ...recreate]) {
    const entry = toEntries.get(id)!;
    const create = planner(entry.list).create;
    const created = create ? create(entry as never, ctx) : createSteps(entry, ctx, { verify: verifyExists(entry) });
    const before = recreate.has(id) ? fromEntries.get(id) : undefined;
    const notes = before ? recreateNotes(before, entry) : [];
    steps.push(...(notes.length === 0 ? created : created.map((s, i) => (i === 0 ? keepPhase(s, { ...s, breaking: [...s.breaking, ...notes] }) : s))));
  }
  const implied = new Map<ObjectId, Entry[]>();
  const standalone: Entry[] = [];
  for (const id of [...removed, ...recreate]) {
    const entry = fromEntries.get(id)!;
    const owner = ownerOf(entry, fromEntries);
    const constraintIndex = entry.list === "indexes" && entry.object.constraint !== undefined;
    const ownerTable = owner === undefined ? undefined : tableOfPart(owner);
    // A partition's index attached to a dropped parent index goes with that one (it cannot be dropped alone).
    const parentIndex = entry.list === "indexes" && entry.object.partitionOf ? objectId.index(entry.object.partitionOf) : undefined;
    if (parentIndex !== undefined && ctx.dropped.has(parentIndex) && !(owner !== undefined && ctx.dropped.has(owner))) implied.set(parentIndex, [...(implied.get(parentIndex) ?? []), entry]);
    else if (owner !== undefined && ctx.dropped.has(owner)) implied.set(owner, [...(implied.get(owner) ?? []), entry]);
    // A sequence owned by a column of a dropped table goes with the table, and comes back with it.
    else if (ownerTable !== undefined && ctx.dropped.has(ownerTable)) implied.set(ownerTable, [...(implied.get(ownerTable) ?? []), entry]);
    else if (owner !== undefined && droppedByAlters.has(owner)) continue;
    else if (constraintIndex) continue;
    else standalone.push(entry);
  }
  for (const entry of standalone) {
    const drop = planner(entry.list).drop;
    const with_ = collectImplied(entry.id, implied);
    const step = drop ? drop(entry as never, ctx, with_) : dropStep(entry, ctx, with_, { verify: verifyAbsent(entry), breaking: ctx.created.has(entry.id) ? [] : dropNotes(entry) });
    const byColumn = entry.list === "indexes" ? droppedColumnOf(entry.object, droppedByAlters) : undefined;
    // An index on a column the plan drops goes with the column: no statement of its own, the DOWN rebuilds it.
    steps.push(byColumn ? { ...step, sql: [], hazards: [], transaction: "shared", impliedBy: byColumn } : step);
  }

  const ordered = [...dropBeforeRenames(source, to, renamed.dropFirst, resolved), ...renamed.steps, ...orderSteps(markTableRenameCandidates(markRenameCandidates(steps), from, to), from, to)];
  return { steps: ordered.map(withDerivedHazards), options: resolved };
}

/**
 * An index that only changes its name (same table, same definition otherwise) is renamed without a hint: ALTER
 * INDEX … RENAME touches no data, and dropping and building it again would.
 */
function indexRenames(from: Catalog, to: Catalog, hints: readonly RenameHint[]): RenameHint[] {
  // Next to other hints (a renamed table moves its indexes) only the user says what is renamed.
  if (hints.some((h) => h.kind !== "index")) return [];
  const key = (i: Catalog["indexes"][number]): string => `${i.schema}.${i.name}`;
  const toNames = new Set(to.indexes.map(key));
  const fromNames = new Set(from.indexes.map(key));
  const shape = (i: Catalog["indexes"][number]): string => canonicalJson({ ...i, name: undefined, comment: undefined, definition: i.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON /, "") });
  const gone = from.indexes.filter((i) => !toNames.has(key(i)) && i.constraint === undefined && i.partitionOf === undefined);
  const fresh = to.indexes.filter((i) => !fromNames.has(key(i)) && i.constraint === undefined && i.partitionOf === undefined);
  const found: RenameHint[] = [];
  for (const i of gone) {
    const twin = fresh.find((x) => x.schema === i.schema && shape(x) === shape(i) && !found.some((h) => h.to === x.name));
    if (twin && !hints.some((h) => h.from === key(i))) found.push({ kind: "index", from: key(i), to: twin.name });
  }
  return found;
}

/** Drops of views over renamed columns, written and ordered against the source as it is before the renames. */
function dropBeforeRenames(source: Catalog, to: Catalog, ids: ReadonlySet<ObjectId>, options: PlanContext["options"]): Step[] {
  if (ids.size === 0) return [];
  const fromEntries = catalogEntries(source);
  const ctx: PlanContext = { from: source, to, fromEntries, toEntries: catalogEntries(to), options, created: new Set(), dropped: new Set(ids) };
  const implied = new Map<ObjectId, Entry[]>();
  for (const entry of fromEntries.values()) {
    const owner = ownerOf(entry, fromEntries);
    if (owner !== undefined && ids.has(owner)) implied.set(owner, [...(implied.get(owner) ?? []), entry]);
  }
  const steps = [...ids].map((id) => {
    const entry = fromEntries.get(id)!;
    return dropStep(entry, ctx, collectImplied(id, implied), { verify: verifyAbsent(entry) });
  });
  return orderSteps(steps, source, to);
}

function tableSteps(from: EntryOf<"tables">, to: EntryOf<"tables">, ctx: PlanContext): Step[] {
  const result = planner("tables").alter(from, to, ctx);
  return "steps" in result ? [...result.steps] : [];
}

/** What dropping an object readers may name means for the application. */
function dropNotes(entry: Entry): BreakingNote[] {
  const name = describe(entry.id);
  switch (entry.list) {
    case "views":
    case "materializedViews":
      return [breaking("relation-removed", `${name} no longer exists: queries naming it fail`)];
    case "routines":
      // Nobody calls a trigger function: its trigger goes with it.
      return ["trigger", "event_trigger"].includes(entry.object.returns ?? "") ? [] : [breaking("routine-removed", `${name} no longer exists: calls fail`)];
    case "extensions":
      return [breaking("routine-removed", `${name} no longer exists: its functions, types and operators go with it`)];
    case "foreignServers":
      return [breaking("relation-removed", `${name} no longer exists: its foreign tables go with it`)];
    case "types":
      return [breaking("type-removed", `${name} no longer exists`)];
    default:
      return [];
  }
}

/** A column of the index (key or INCLUDE) that the plan drops, if any. */
function droppedColumnOf(index: EntryOf<"indexes">["object"], dropped: ReadonlySet<ObjectId>): ObjectId | undefined {
  const columns = [...index.keys.flatMap((k) => (k.column ? [k.column] : [])), ...(index.include ?? [])];
  return columns.map((c) => objectId.column(index.table, c)).find((id) => dropped.has(id));
}

/** The entries dropped with this one, and with those, and so on. */
function collectImplied(id: ObjectId, implied: ReadonlyMap<ObjectId, Entry[]>): Entry[] {
  const direct = implied.get(id) ?? [];
  return direct.flatMap((e) => [e, ...collectImplied(e.id, implied)]);
}

export type { EntryOf };
