import type { Index } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import type { Entry, EntryOf } from "../../diff/entries.js";
import { relationIdIn } from "../../diff/entries.js";
import { ident, qname } from "../../sql/ident.js";
import type { PlanContext } from "../context.js";
import { describe } from "../describe.js";
import { createSteps, dropStep, keepPhase, piecesFor } from "../generic.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { relationCondition, verifyAbsent, verifyExists, verifyQuery } from "../verify.js";
import { type AlterResult, alterStep, commentStep, storageStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

const CREATE_INDEX = /^CREATE (UNIQUE )?INDEX /;

/** The table or materialized view the index is on, as an id of that side's catalog. */
const relationOf = (i: Index, ctx: PlanContext, side: "from" | "to"): string =>
  relationIdIn(side === "from" ? ctx.fromEntries : ctx.toEntries, i.table) ?? objectId.table(i.table);

const isPartitioned = (i: Index, ctx: PlanContext, side: "from" | "to"): boolean =>
  ctx[side].tables.some((t) => t.schema === i.table.schema && t.name === i.table.name && t.partitioning !== undefined);

/** Whether building this index must stay out of the way of the table's writers. */
function online(i: Index, ctx: PlanContext, side: "from" | "to"): boolean {
  const relation = relationOf(i, ctx, side);
  // A new table is empty and unknown to the application; CONCURRENTLY does not exist for partitioned tables.
  const fresh = side === "to" ? ctx.created.has(relation) : ctx.dropped.has(relation);
  // A partition's own index builds concurrently; attached to its parent's, it can only be dropped with that one.
  return ctx.options.online && !fresh && !isPartitioned(i, ctx, side) && (side === "to" || i.partitionOf === undefined) && i.constraint === undefined;
}

/** A partition's index attached to a parent index the plan creates too: dropping the parent takes it along. */
const attachedToNew = (i: Index, ctx: PlanContext): boolean => i.partitionOf !== undefined && ctx.created.has(objectId.index(i.partitionOf));

/** `ON ONLY` a partitioned table: an empty, invalid index until every partition's is attached; nothing is built. */
const verifyPresent = (i: Index): string => verifyQuery(relationCondition.present(i));

const concurrently = (statement: string): string => statement.replace(CREATE_INDEX, "CREATE $1INDEX CONCURRENTLY ");

const buildHazards = (entry: EntryOf<"indexes">, ctx?: PlanContext): Step["hazards"] => [
  hazard("index-build", `builds ${describe(entry.id)} while ${qname(entry.object.table)} stays writable`),
  hazard("non-transactional", "CREATE INDEX CONCURRENTLY runs outside a transaction; a failure leaves an invalid index"),
  ...(entry.object.unique && ctx && !sameUniqueBefore(entry.object, ctx)
    ? [hazard("may-fail-on-data", `fails if ${qname(entry.object.table)} holds duplicates`), hazard("breaking-writers", `writes of duplicates to ${qname(entry.object.table)} now fail`)]
    : []),
];

/** A unique index built again over the same keys (another method, storage…) refuses nothing new. */
function sameUniqueBefore(i: Index, ctx: PlanContext): boolean {
  const keys = (x: Index): string => JSON.stringify([x.keys, x.predicate ?? null, x.nullsNotDistinct ?? null]);
  return ctx.from.indexes.some((x) => x.unique && x.table.schema === i.table.schema && x.table.name === i.table.name && keys(x) === keys(i));
}

function createIndex(entry: EntryOf<"indexes">, ctx: PlanContext): Step[] {
  const i = entry.object;
  const relation = relationOf(i, ctx, "to");
  if (i.constraint !== undefined) {
    // Built by its constraint (see the table's steps); only what the constraint cannot say is left here.
    return createSteps(entry, ctx).map((s) => keepPhase(s, { ...s, reverse: { class: "reversible", sql: [] }, requires: [...(s.requires ?? []), objectId.constraint(i.table, i.constraint!)] }));
  }
  const fresh = ctx.created.has(relation);
  // A new table is empty; a new materialized view is filled when created, so its indexes are real builds (on a
  // relation nobody uses yet: no lock to worry about).
  const filled = fresh && ctx.to.materializedViews.some((m) => objectId.materializedView(m) === relation && m.populated);
  const undone = (steps: Step[]): Step[] => (attachedToNew(i, ctx) ? steps.map((s) => keepPhase(s, { ...s, reverse: { class: "reversible", sql: [] } })) : steps);
  if (isPartitioned(i, ctx, "to")) {
    return createSteps(entry, ctx, { locks: fresh ? [] : [{ level: "SHARE", on: relation }], verify: verifyPresent(i) });
  }
  if (!online(entry.object, ctx, "to")) {
    return undone(
      createSteps(entry, ctx, {
        locks: fresh ? [] : [{ level: "SHARE", on: relation }],
        hazards: filled ? [hazard("index-build", `builds ${describe(entry.id)} over the rows of the new ${qname(i.table)}`)] : fresh ? [] : [hazard("index-build", `builds ${describe(entry.id)}`), hazard("long-lock", `writes to ${qname(i.table)} wait for the whole build (SHARE lock)`)],
        verify: verifyExists(entry),
      }).map((s, n) => (n === 0 && !fresh ? keepPhase(s, { ...s, long: true as const }) : s)),
    );
  }
  const [first, ...rest] = createSteps(entry, ctx);
  if (attachedToNew(i, ctx)) {
    return undone([keepPhase(first!, { ...first!, sql: first!.sql.map(concurrently), transaction: "none", locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: relation }], hazards: buildHazards(entry, ctx), verify: verifyExists(entry), retry: { safe: true, cleanup: [`DROP INDEX CONCURRENTLY IF EXISTS ${qname(i)};`] }, long: true }), ...rest]);
  }
  const drop = `DROP INDEX CONCURRENTLY IF EXISTS ${qname(i)};`;
  return [
    keepPhase(first!, {
      ...first!,
      sql: first!.sql.map(concurrently),
      transaction: "none",
      locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: relation }],
      hazards: buildHazards(entry, ctx),
      reverse: { class: "reversible", sql: [drop], transaction: "none" },
      verify: verifyExists(entry),
      retry: { safe: true, cleanup: [drop] },
      long: true,
    }),
    ...rest,
  ];
}

function dropIndex(entry: EntryOf<"indexes">, ctx: PlanContext, implied: readonly Entry[]): Step {
  const i = entry.object;
  const relation = relationOf(i, ctx, "from");
  const isOnline = online(i, ctx, "from");
  const step = dropStep(entry, ctx, implied, {
    sql: [`DROP INDEX ${isOnline ? "CONCURRENTLY IF EXISTS " : ""}${qname(i)};`],
    locks: [{ level: isOnline ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE", on: relation }],
    hazards: [
      // Rebuilt under the same name: the build is the hazard, not a missing index.
      ...(ctx.created.has(entry.id) ? [] : [hazard("index-dropped", `queries that used ${describe(entry.id)} may get slower`)]),
      ...(isOnline ? [hazard("non-transactional", "DROP INDEX CONCURRENTLY runs outside a transaction")] : []),
    ],
    verify: verifyAbsent(entry),
  });
  if (!isOnline || step.reverse.class === "irreversible") return step;
  const recreate = piecesFor(ctx, "from", new Set([entry.id])).flatMap((p) => p.statements);
  return {
    ...step,
    transaction: "none",
    reverse: { class: "reversible", sql: recreate.map(concurrently), transaction: "none" },
  };
}

/** Fields that change in place; the rest (keys, method, predicate…) mean building the index again. */
function inPlaceOnly(f: Index, t: Index): boolean {
  const strip = (x: Index): object => ({ ...x, comment: undefined, storageParameters: undefined, clustered: undefined, keys: x.keys.map((k) => ({ ...k, statistics: undefined })), definition: x.definition.replace(/ WITH \(.*?\)/, "") });
  return canonicalJson(strip(f)) === canonicalJson(strip(t));
}

export const indexesKind: KindPlanner<"indexes"> = {
  create: createIndex,
  drop: dropIndex,
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    // A plain unique index a new UNIQUE / PRIMARY KEY takes over (USING INDEX, in the table's steps) stays.
    const takenOver = f.constraint === undefined && t.constraint !== undefined && f.unique && inPlaceOnly(f, { ...t, constraint: undefined });
    if (!takenOver && !inPlaceOnly(f, t)) return { recreate: "its definition changes" };
    const name = qname(t);
    const steps: Step[] = [];
    steps.push(...storageStep(id, `ALTER INDEX ${name}`, f.storageParameters, t.storageParameters, [{ level: "SHARE UPDATE EXCLUSIVE", on: relationOf(t, ctx, "to") }]));
    const stats = (i: Index): string[] => i.keys.flatMap((k, n) => [`ALTER INDEX ${name} ALTER COLUMN ${n + 1} SET STATISTICS ${k.statistics ?? -1};`]).filter((_, n) => i.keys[n]!.expression !== undefined);
    if (canonicalJson(f.keys) !== canonicalJson(t.keys)) {
      steps.push(alterStep({ why: `change statistics targets of index ${name}`, object: id, detail: "statistics", up: stats(t), down: stats(f) }));
    }
    if (!!f.clustered !== !!t.clustered) {
      const table = qname(t.table);
      const sql = (i: Index): string => (i.clustered ? `ALTER TABLE ${table} CLUSTER ON ${ident(i.name)};` : `ALTER TABLE ${table} SET WITHOUT CLUSTER;`);
      steps.push(alterStep({ why: `${t.clustered ? "mark" : "unmark"} ${name} as the clustering index`, object: id, detail: "cluster", up: [sql(t)], down: [sql(f)], locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: relationOf(t, ctx, "to") }] }));
    }
    steps.push(...commentStep(id, `INDEX ${name}`, f.comment, t.comment));
    return { steps };
  },
};
