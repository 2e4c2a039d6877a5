import type { ObjectId } from "../catalog/model.js";
import { objectId } from "../catalog/object-id.js";
import { ident, qname } from "../sql/ident.js";
import type { Entry, ListName } from "../diff/entries.js";
import { type DdlPiece, PHASES, type Phase } from "../sql/ddl/piece.js";
import { piecesOf } from "../sql/ddl.js";
import type { BreakingNote } from "./breaking.js";
import type { PlanContext } from "./context.js";
import { describe } from "./describe.js";
import { dropSql } from "./drop-sql.js";
import type { Hazard } from "./hazards.js";
import type { Lock, Reversal, Step } from "./step.js";

/** The DDL pieces that create these objects as one catalog holds them, in dependency order. */
export function piecesFor(ctx: PlanContext, side: "from" | "to", ids: ReadonlySet<ObjectId>): DdlPiece[] {
  const entries = side === "from" ? ctx.fromEntries : ctx.toEntries;
  const selected: Partial<Record<ListName, unknown[]>> = {};
  for (const id of ids) {
    const entry = entries.get(id);
    if (entry) (selected[entry.list] ??= []).push(entry.object);
  }
  return piecesOf(ctx[side], selected as never, { owners: ctx.options.owners, privileges: ctx.options.privileges });
}

/**
 * The DDL phase a create step came from (`schema`, `type`, `table`, `index`…), kept beside the step: among steps
 * the graph leaves free, earlier phases go first, as in a dump (a text search configuration named only inside a
 * string must exist before the index that uses it).
 */
export const STEP_PHASE = new WeakMap<Step, number>();

/**
 * Finer steps that can replace a step sitting on a dependency cycle (a table drop splits off its foreign keys, so
 * two tables that reference each other can both go), kept beside the step like its phase.
 */
export const STEP_SPLIT = new WeakMap<Step, () => Step[]>();

export interface StepExtras {
  readonly locks?: readonly Lock[];
  readonly hazards?: readonly Hazard[];
  readonly breaking?: readonly BreakingNote[];
  readonly verify?: string;
}

/**
 * Steps that create an object as the target catalog has it: one per DDL piece (the table, then its foreign keys,
 * comments, grants…), so each can wait for what it needs. The first undoes the whole object with its DROP; the
 * others are undone by that same DROP and reverse to nothing.
 */
export function createSteps(entry: Entry, ctx: PlanContext, extras: StepExtras = {}): Step[] {
  const pieces = piecesFor(ctx, "to", new Set([entry.id]));
  // A sequence owned by a column goes with its table, which the way down may drop first.
  const drop = entry.list === "sequences" && entry.object.ownedBy ? dropSql(entry).map((s) => s.replace("DROP SEQUENCE ", "DROP SEQUENCE IF EXISTS ")) : dropSql(entry);
  return pieces.map((p, i) => withPhase(p.phase, {
    why: i === 0 ? `create ${describe(entry.id)}` : `complete ${describe(entry.id)} (${p.phase})`,
    change: { action: "create", object: entry.id, ...(i === 0 ? {} : { detail: p.phase }) },
    sql: p.statements,
    transaction: p.nonTransactional ? "none" : "shared",
    locks: i === 0 ? (extras.locks ?? []) : [],
    hazards: i === 0 ? (extras.hazards ?? []) : [],
    breaking: [],
    reverse: { class: "reversible", sql: i === 0 ? drop : undoPiece(entry, p) },
    ...(i === 0 && extras.verify ? { verify: extras.verify } : {}),
    retry: { safe: true },
    creates: i === 0 ? [...new Set([entry.id, ...p.creates])] : p.creates,
    drops: [],
    requires: i === 0 ? p.requires : [...p.requires, entry.id],
  }));
}

/**
 * What undoes a later piece of a new object before the object itself is dropped: only a foreign key matters (the
 * table it references may be dropped first on the way down); the rest goes with the object's DROP.
 */
function undoPiece(entry: Entry, p: DdlPiece): string[] {
  if (entry.list !== "tables" || p.phase !== "foreign-key") return [];
  const t = entry.object;
  return t.constraints
    .filter((k) => k.kind === "foreign-key" && p.creates.includes(objectId.constraint(t, k.name)))
    .map((k) => `${t.foreign ? "ALTER FOREIGN TABLE" : "ALTER TABLE"} ${qname(t)} DROP CONSTRAINT IF EXISTS ${ident(k.name)};`);
}

/** A copy of a create step keeps its phase. */
export function keepPhase(original: Step, copy: Step): Step {
  const phase = STEP_PHASE.get(original);
  if (phase !== undefined) STEP_PHASE.set(copy, phase);
  return copy;
}

function withPhase(phase: Phase, step: Step): Step {
  STEP_PHASE.set(step, PHASES.indexOf(phase));
  return step;
}

/**
 * The step that drops an object together with what PostgreSQL drops with it (`implied`: a table's indexes,
 * triggers, policies…). Its reversal recreates all of them from the source catalog.
 */
export function dropStep(
  entry: Entry,
  ctx: PlanContext,
  implied: readonly Entry[],
  extras: StepExtras & { readonly lost?: string; readonly sql?: readonly string[]; readonly leaveOut?: (p: DdlPiece) => boolean },
): Step {
  const ids = new Set([entry.id, ...implied.map((e) => e.id)]);
  const pieces = piecesFor(ctx, "from", ids).filter((p) => !extras.leaveOut?.(p));
  const recreate = pieces.flatMap((p) => p.statements);
  const gone = new Set<ObjectId>(ids);
  for (const p of pieces) for (const id of p.creates) gone.add(id);
  if (extras.leaveOut) for (const p of piecesFor(ctx, "from", ids)) if (extras.leaveOut(p)) for (const id of p.creates) gone.delete(id);
  const reverse: Reversal =
    extras.lost === undefined ? { class: "reversible", sql: recreate } : { class: "lossy", sql: recreate, lost: extras.lost };
  return {
    why: `drop ${describe(entry.id)}${implied.length === 0 ? "" : ` (with ${implied.map((e) => describe(e.id)).join(", ")})`}`,
    change: { action: "drop", object: entry.id },
    sql: extras.sql ?? dropSql(entry),
    transaction: "shared",
    locks: extras.locks ?? [],
    hazards: extras.hazards ?? [],
    breaking: extras.breaking ?? [],
    reverse,
    ...(extras.verify ? { verify: extras.verify } : {}),
    retry: { safe: true },
    creates: [],
    drops: [...gone],
  };
}

/** Lists whose objects live on a table (or view): the lock they take is on it. */
export const LIST_ON_RELATION: ReadonlySet<ListName> = new Set(["indexes", "triggers", "rules", "policies"]);
