import type { Table, TableConstraint } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import { withIndexParameters } from "../../sql/ddl/table-constraints.js";
import { alterKeyword } from "../../sql/ddl/table-create.js";
import { ident, literal, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import type { PlanContext } from "../context.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { constraintCondition, verifyQuery } from "../verify.js";
import { alterStep, commentStep } from "./common.js";

const definitionOf = (t: Table, k: TableConstraint, ctx: PlanContext, side: "from" | "to"): string => {
  if (k.kind === "primary-key" || k.kind === "unique" || k.kind === "exclude") {
    const index = ctx[side].indexes.find((i) => i.schema === t.schema && i.name === k.index);
    return withIndexParameters(k, index);
  }
  return k.definition;
};

const addSql = (t: Table, k: TableConstraint, ctx: PlanContext, side: "from" | "to"): string =>
  `${alterKeyword(t)} ${k.kind === "check" && k.noInherit ? "ONLY " : ""}${qname(t)} ADD CONSTRAINT ${ident(k.name)} ${definitionOf(t, k, ctx, side)}${k.notValid ? " NOT VALID" : ""};`;

/** What a change to a constraint's definition means beyond its name: everything but comment and validation. */
const essence = (k: TableConstraint): string => canonicalJson({ ...k, comment: undefined, notValid: undefined, definition: k.definition.replace(/ NOT VALID$/, "") });

export function constraintSteps(f: Table, t: Table, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const tableId = objectId.table(t);
  const steps: Step[] = [];
  // A constraint that only changes its name (a table renamed, a naming convention applied) is renamed in place:
  // its index and the foreign keys that use it stay.
  const renamed = renamePairs(f, t);
  const fromConstraints = f.constraints.map((k) => {
    const pair = renamed.get(k.name);
    if (!pair) return k;
    steps.push(renameStep(t, k, pair));
    return pair;
  });
  const before = new Map(fromConstraints.map((k) => [k.name, k]));
  const after = new Map(t.constraints.map((k) => [k.name, k]));
  const drop = (k: TableConstraint): string => `${alter} DROP CONSTRAINT ${ident(k.name)};`;

  for (const k of fromConstraints) {
    const next = after.get(k.name);
    const id = objectId.constraint(t, k.name);
    if (next && k.kind === "foreign-key" && next.kind === "foreign-key" && essence(next) !== essence(k) && timingFree(next) === timingFree(k)) {
      // Only DEFERRABLE / INITIALLY changes: ALTER CONSTRAINT keeps the key and checks nothing.
      const timing = (x: TableConstraint): string =>
        `${alter} ALTER CONSTRAINT ${ident(k.name)} ${x.deferrable ? "DEFERRABLE" : "NOT DEFERRABLE"} INITIALLY ${x.initiallyDeferred ? "DEFERRED" : "IMMEDIATE"};`;
      steps.push(alterStep({ why: `make ${k.name} on ${name} ${next.deferrable ? (next.initiallyDeferred ? "deferred" : "deferrable") : "not deferrable"}`, object: id, detail: "timing", up: [timing(next)], down: [timing(k)], locks: [{ level: "SHARE ROW EXCLUSIVE", on: tableId }] }));
      steps.push(...commentStep(id, `CONSTRAINT ${ident(k.name)} ON ${name}`, k.comment, next.comment));
      continue;
    }
    if (next && essence(next) === essence(k)) {
      // Going back: PostgreSQL cannot un-validate, so the constraint is added again NOT VALID.
      if (k.notValid && !next.notValid) steps.push(...validate(t, next, tableId, alter, [drop(next), addSql(t, k, ctx, "from")]));
      else if (!k.notValid && next.notValid) {
        steps.push(alterStep({ why: `mark ${k.name} on ${name} not validated`, object: id, detail: "not-valid", up: [drop(k), addSql(t, next, ctx, "to")], down: [drop(next), addSql(t, k, ctx, "from")], locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }] }));
      }
      steps.push(...commentStep(id, `CONSTRAINT ${ident(k.name)} ON ${name}`, k.comment, next.comment));
      continue;
    }
    steps.push(
      alterStep({
        why: `drop constraint ${k.name} on ${name}`,
        object: id,
        detail: "drop-constraint",
        up: [drop(k)],
        down: [addSql(t, k, ctx, "from"), ...(k.comment ? [`COMMENT ON CONSTRAINT ${ident(k.name)} ON ${name} IS ${literal(k.comment)};`] : [])],
        locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }],
        // Re-added under the same name, the key keeps an index: only its rebuild is a hazard.
        // An index of that name in the target (a plain unique one, built after) is a rebuild, not a loss.
        hazards:
          (k.kind === "primary-key" || k.kind === "unique" || k.kind === "exclude") && !after.has(k.name) && !ctx.to.indexes.some((i) => i.schema === t.schema && i.name === k.index)
            ? [hazard("index-dropped", `the index of ${k.name} goes with it`)]
            : [],
        verify: verifyQuery(`NOT ${constraintCondition.exists(t, k.name)}`),
        // A table has one primary key: the old one goes before a new one comes.
        creates: k.kind === "primary-key" ? [primaryKeyFree(tableId)] : [],
        drops: [id, ...(k.kind === "primary-key" || k.kind === "unique" || k.kind === "exclude" ? [`index:${qname({ schema: t.schema, name: k.index })}`] : [])],
      }),
    );
  }
  for (const k of t.constraints) {
    const prev = before.get(k.name);
    if (prev && essence(prev) === essence(k)) continue;
    if (prev && k.kind === "foreign-key" && prev.kind === "foreign-key" && timingFree(prev) === timingFree(k)) continue;
    steps.push(...addConstraint(t, k, ctx, tableId, alter));
  }
  return steps;
}

/** A constraint without its DEFERRABLE / INITIALLY parts. */
const timingFree = (k: TableConstraint): string =>
  essence({ ...k, deferrable: undefined, initiallyDeferred: undefined, definition: k.definition.replace(/ (NOT )?DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?| INITIALLY (DEFERRED|IMMEDIATE)/g, "") } as TableConstraint);

/**
 * The constraint added back under its name refuses nothing the old one allowed: the same CHECK, a foreign key over
 * the same columns and target with other actions, a key over more columns or that now treats NULLs as distinct.
 */
function noStricterThan(k: TableConstraint, prev: TableConstraint | undefined): boolean {
  // A NOT VALID or NOT ENFORCED one never checked the rows that are there.
  if (!prev || prev.kind !== k.kind || prev.notValid || (prev.notEnforced && !k.notEnforced)) return false;
  if (k.kind === "check" && prev.kind === "check") return k.expression === prev.expression;
  if (k.kind === "foreign-key" && prev.kind === "foreign-key") {
    return JSON.stringify([k.columns, k.references]) === JSON.stringify([prev.columns, prev.references]) && (k.match !== "full" || prev.match === "full");
  }
  if ((k.kind === "unique" || k.kind === "primary-key") && (prev.kind === "unique" || prev.kind === "primary-key")) {
    const nnd = (x: TableConstraint): boolean => "nullsNotDistinct" in x && x.nullsNotDistinct === true;
    // More key columns (a superset) can only make rows more distinct.
    return prev.columns.every((c) => k.columns.includes(c)) && (!nnd(k) || nnd(prev)) && k.kind === prev.kind;
  }
  return false;
}

const nameless = (k: TableConstraint): string => canonicalJson({ ...k, name: undefined, index: undefined, comment: undefined });

/** Old name → the target constraint that is the same but for its name (each matched once). */
function renamePairs(f: Table, t: Table): Map<string, TableConstraint> {
  const fromNames = new Set(f.constraints.map((k) => k.name));
  const toNames = new Set(t.constraints.map((k) => k.name));
  const candidates = t.constraints.filter((k) => !fromNames.has(k.name));
  const pairs = new Map<string, TableConstraint>();
  for (const k of f.constraints) {
    if (toNames.has(k.name)) continue;
    const i = candidates.findIndex((c) => nameless(c) === nameless(k));
    if (i < 0) continue;
    // The renamed constraint still has its old comment: a changed comment is a step of its own.
    const { comment: _, ...rest } = candidates[i]!;
    pairs.set(k.name, (k.comment === undefined ? rest : { ...rest, comment: k.comment }) as TableConstraint);
    candidates.splice(i, 1);
  }
  return pairs;
}

function renameStep(t: Table, k: TableConstraint, next: TableConstraint): Step {
  const name = qname(t);
  const sql = (a: string, b: string): string => `${alterKeyword(t)} ${name} RENAME CONSTRAINT ${ident(a)} TO ${ident(b)};`;
  const index = (x: TableConstraint): string[] => ("index" in x ? [`index:${qname({ schema: t.schema, name: x.index })}`] : []);
  return alterStep({
    why: `rename constraint ${k.name} on ${name} to ${next.name}`,
    object: objectId.constraint(t, next.name),
    detail: "rename",
    up: [sql(k.name, next.name)],
    down: [sql(next.name, k.name)],
    locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(t) }],
    creates: [objectId.constraint(t, next.name), ...index(next)],
    drops: [objectId.constraint(t, k.name), ...index(k)],
  });
}

function validate(t: Table, k: TableConstraint, tableId: string, alter: string, undo: string[] = []): Step[] {
  return [
    alterStep({
      why: `validate constraint ${k.name} on ${qname(t)}`,
      object: objectId.constraint(t, k.name),
      detail: "validate",
      up: [`${alter} VALIDATE CONSTRAINT ${ident(k.name)};`],
      down: undo,
      transaction: "own",
      // A foreign key's check reads the referenced table too, holding ROW SHARE on it until the end.
      locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: tableId }, ...(k.kind === "foreign-key" ? [{ level: "ROW SHARE" as const, on: objectId.table(k.references.table) }] : [])],
      hazards: [hazard("validation-scan", `${qname(t)} is scanned; reads and writes go on`), hazard("may-fail-on-data", `fails if a row breaks ${k.name}`)],
      verify: verifyQuery(constraintCondition.validated(t, k.name)),
      long: true,
    }),
  ];
}

/**
 * Online: CHECK and FOREIGN KEY go in NOT VALID (a brief lock) and are validated in their own transaction;
 * UNIQUE and PRIMARY KEY get their index built concurrently first and then take it over with USING INDEX.
 */
function addConstraint(t: Table, k: TableConstraint, ctx: PlanContext, tableId: string, alter: string): Step[] {
  const name = qname(t);
  const id = objectId.constraint(t, k.name);
  const fresh = ctx.created.has(tableId);
  const online = ctx.options.online && !fresh && !t.partitioning && !t.partitionOf;
  const dropSql = `${alter} DROP CONSTRAINT IF EXISTS ${ident(k.name)};`;
  const comment = k.comment ? commentStep(id, `CONSTRAINT ${ident(k.name)} ON ${name}`, undefined, k.comment) : [];
  // Only over columns this plan adds: no writer sets them yet, and they hold NULL (or their default) everywhere.
  const before = ctx.from.tables.find((x) => x.schema === t.schema && x.name === t.name);
  const columns = "columns" in k ? k.columns : ctx.to.dependencies.filter((d) => d.from === id && d.to.startsWith("column:")).map((d) => d.to.slice(d.to.lastIndexOf(".") + 1));
  const onNewColumns = before !== undefined && columns.length > 0 && columns.every((c) => !before.columns.some((x) => x.name === c));
  const newValues = onNewColumns && columns.some((c) => t.columns.find((x) => x.name === c)?.default !== undefined);
  // NOT ENFORCED (PostgreSQL 18): recorded, never checked.
  const relaxed = noStricterThan(k, before?.constraints.find((x) => x.name === k.name));
  const quiet = k.notEnforced === true || onNewColumns || relaxed;
  const breakingNote = quiet ? [] : [breaking("constraint-added", `writes to ${name} that break ${k.name} now fail`)];
  const mayFail = (h: Step["hazards"][number]): boolean => h.code !== "may-fail-on-data" || !(k.notEnforced || relaxed || (onNewColumns && !newValues));
  const verify = verifyQuery(k.notValid ? constraintCondition.exists(t, k.name) : constraintCondition.validated(t, k.name));
  const requires = k.kind === "foreign-key" ? [objectId.table(k.references.table)] : [];
  const keyIndex = k.kind === "unique" || k.kind === "primary-key" ? k.index : undefined;
  const ownIndex = keyIndex !== undefined && !fresh ? ctx.from.indexes.find((i) => i.schema === t.schema && i.name === keyIndex && i.constraint === undefined && i.unique) : undefined;
  const target = ownIndex && ctx.to.indexes.find((i) => i.schema === t.schema && i.name === keyIndex);
  if (ownIndex && target && canonicalJson({ ...ownIndex, comment: undefined }) === canonicalJson({ ...target, constraint: undefined, comment: undefined }) && (k.kind === "unique" || k.kind === "primary-key")) {
    // The unique index is there already: the constraint takes it over, nothing is built or checked again.
    const deferrable = `${k.deferrable ? " DEFERRABLE" : ""}${k.initiallyDeferred ? " INITIALLY DEFERRED" : ""}`;
    return [
      alterStep({
        why: `add constraint ${k.name} on ${name} using the existing index ${ownIndex.name}`,
        object: id,
        detail: "add-constraint",
        up: [`${alter} ADD CONSTRAINT ${ident(k.name)} ${k.kind === "unique" ? "UNIQUE" : "PRIMARY KEY"} USING INDEX ${ident(ownIndex.name)}${deferrable};`],
        // Dropping the constraint drops its index: the plain one is built again.
        down: [`${alter} DROP CONSTRAINT ${ident(k.name)};`, `${ownIndex.definition};`],
        locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }],
        hazards: k.kind === "primary-key" && k.columns.some((c) => !before?.columns.find((x) => x.name === c)?.notNull) ? [hazard("validation-scan", "columns of the key that allowed NULL are checked under an ACCESS EXCLUSIVE lock")] : [],
        verify,
        requires: [primaryKeyFree(tableId)],
      }),
      ...comment,
    ];
  }
  if (online && (k.kind === "check" || k.kind === "foreign-key")) {
    const locks = [{ level: "SHARE ROW EXCLUSIVE" as const, on: tableId }, ...(k.kind === "foreign-key" ? [{ level: "SHARE ROW EXCLUSIVE" as const, on: objectId.table(k.references.table) }] : [])];
    const add = alterStep({
      why: `add constraint ${k.name} on ${name}${k.notValid ? "" : " (NOT VALID, validated next)"}`,
      object: id,
      detail: "add-constraint",
      up: [addSql(t, { ...k, notValid: true }, ctx, "to")],
      down: [dropSql],
      locks: k.kind === "check" ? [{ level: "ACCESS EXCLUSIVE", on: tableId }] : locks,
      hazards: quiet ? [] : [hazard("breaking-writers", `writes that break ${k.name} fail from here on`)],
      breaking: breakingNote,
      verify: verifyQuery(constraintCondition.exists(t, k.name)),
      requires,
    });
    return [add, ...(k.notValid ? [] : validate(t, k, tableId, alter).map((s) => ({ ...s, hazards: s.hazards.filter(mayFail), requires: [id] }))), ...comment];
  }
  if (online && (k.kind === "unique" || k.kind === "primary-key")) {
    const index = ctx.to.indexes.find((i) => i.schema === t.schema && i.name === k.index);
    if (index) {
      const build = `${index.definition.replace(/^CREATE UNIQUE INDEX /, "CREATE UNIQUE INDEX CONCURRENTLY ")};`;
      const dropIndex = `DROP INDEX CONCURRENTLY IF EXISTS ${qname(index)};`;
      const deferrable = `${k.deferrable ? " DEFERRABLE" : ""}${k.initiallyDeferred ? " INITIALLY DEFERRED" : ""}`;
      const keyword = k.kind === "unique" ? "UNIQUE" : "PRIMARY KEY";
      return [
        alterStep({
          why: `build the index of ${k.name} on ${name} concurrently`,
          object: `index:${qname(index)}`,
          detail: "constraint-index",
          up: [build],
          down: [dropIndex],
          transaction: "none",
          downTransaction: "none",
          locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: tableId }],
          hazards: [hazard("index-build", `builds ${qname(index)} while ${name} stays writable`), hazard("non-transactional", "a failure leaves an invalid index that the retry drops"), ...(relaxed ? [] : [hazard("may-fail-on-data", `fails if ${name} holds duplicates`)])],
          verify: verifyQuery(`EXISTS (SELECT FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(${literal(qname(index))}) AND indisvalid)`),
          retry: { safe: true, cleanup: [dropIndex] },
          long: true,
          requires,
        }),
        alterStep({
          why: `add constraint ${k.name} on ${name} using its index`,
          object: id,
          detail: "add-constraint",
          up: [`${alter} ADD CONSTRAINT ${ident(k.name)} ${keyword} USING INDEX ${ident(index.name)}${deferrable};`],
          down: [`${alter} DROP CONSTRAINT ${ident(k.name)};`],
          locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }],
          hazards:
            k.kind === "primary-key" && k.columns.some((c) => !before?.columns.find((x) => x.name === c)?.notNull)
              ? [hazard("validation-scan", `columns of the key that allowed NULL are checked under an ACCESS EXCLUSIVE lock`)]
              : [],
          breaking: breakingNote,
          verify,
          requires: [`index:${qname(index)}`, primaryKeyFree(tableId)],
        }),
        ...comment,
      ];
    }
  }
  return [
    alterStep({
      why: `add constraint ${k.name} on ${name}`,
      object: id,
      detail: "add-constraint",
      up: [addSql(t, k, ctx, "to")],
      down: [dropSql],
      locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }],
      hazards: fresh || k.notEnforced ? [] : [...(k.kind === "exclude" ? [] : [hazard("validation-scan", `${name} is scanned under an ACCESS EXCLUSIVE lock`)]), hazard("long-lock", `reads and writes of ${name} wait for the scan`), hazard("may-fail-on-data", `fails if a row breaks ${k.name}`), ...(k.kind !== "check" && k.kind !== "foreign-key" ? [hazard("index-build", `builds the index of ${k.name}`)] : [])],
      breaking: fresh ? [] : breakingNote,
      verify,
      ...(fresh ? {} : { long: true as const }),
      requires: [...requires, primaryKeyFree(tableId)],
    }),
    ...comment,
  ];
}

/** A marker id: the step that drops a table's primary key creates it, the one that adds a new key needs it. */
export const primaryKeyFree = (tableId: string): string => `~primary-key-free:${tableId}`;
