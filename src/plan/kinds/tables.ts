import type { Entry, EntryOf } from "../../diff/entries.js";
import type { Catalog, QualifiedName, Table } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { alterKeyword } from "../../sql/ddl/table-create.js";
import { ident, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import type { PlanContext } from "../context.js";
import { describe } from "../describe.js";
import { createSteps, dropStep, STEP_SPLIT } from "../generic.js";
import type { DdlPiece } from "../../sql/ddl/piece.js";
import { objectId } from "../../catalog/object-id.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { verifyAbsent, verifyExists } from "../verify.js";
import { type AlterResult, alterStep, commentStep, ownerStep, storageStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";
import { relationAclStep } from "./relation-acl.js";
import { columnSteps } from "./table-columns.js";
import { constraintSteps } from "./table-constraints.js";
import { tableLinkSteps } from "./table-links.js";

/** Table properties only a new table can change (PostgreSQL has no ALTER for them, or we do not plan one yet). */
const RECREATE_FIELDS = ["partitioning", "foreign", "accessMethod"] as const;

function tableLevelSteps(f: Table, t: Table, ctx: PlanContext, id: string): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const lock = [{ level: "ACCESS EXCLUSIVE" as const, on: id }];
  const steps: Step[] = [];
  const toggle = (why: string, detail: string, up: string, down: string, extra: Partial<Parameters<typeof alterStep>[0]> = {}): void => {
    steps.push(alterStep({ why, object: id, detail, up: [up], down: [down], locks: lock, ...extra }));
  };
  if (!!f.unlogged !== !!t.unlogged) {
    toggle(`set ${name} ${t.unlogged ? "unlogged" : "logged"}`, "logged", `${alter} SET ${t.unlogged ? "UNLOGGED" : "LOGGED"};`, `${alter} SET ${f.unlogged ? "UNLOGGED" : "LOGGED"};`, {
      hazards: [hazard("table-rewrite", `${name} is rewritten`)],
      long: true,
    });
  }
  if (!!f.rowLevelSecurity !== !!t.rowLevelSecurity) {
    const sql = (on: boolean): string => `${alter} ${on ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY;`;
    toggle(`${t.rowLevelSecurity ? "enable" : "disable"} row level security on ${name}`, "rls", sql(!!t.rowLevelSecurity), sql(!!f.rowLevelSecurity), {
      hazards: [hazard("authorization-change", `row level security on ${name} is ${t.rowLevelSecurity ? "enforced: roles without a policy see no rows" : "off: policies no longer filter rows"}`)],
      breaking: t.rowLevelSecurity ? [breaking("policy-denies", `queries on ${name} see only rows a policy allows`)] : [],
    });
  }
  if (!!f.forceRowLevelSecurity !== !!t.forceRowLevelSecurity) {
    const sql = (on: boolean): string => `${alter} ${on ? "" : "NO "}FORCE ROW LEVEL SECURITY;`;
    toggle(`${t.forceRowLevelSecurity ? "force" : "stop forcing"} row level security on ${name}`, "force-rls", sql(!!t.forceRowLevelSecurity), sql(!!f.forceRowLevelSecurity), {
      hazards: [hazard("authorization-change", `the owner of ${name} is ${t.forceRowLevelSecurity ? "now" : "no longer"} subject to its policies`)],
    });
  }
  if (canonicalJson(f.replicaIdentity ?? null) !== canonicalJson(t.replicaIdentity ?? null)) {
    const sql = (x: Table): string =>
      `${alter} REPLICA IDENTITY ${x.replicaIdentity === undefined ? "DEFAULT" : typeof x.replicaIdentity === "string" ? x.replicaIdentity.toUpperCase() : `USING INDEX ${ident(x.replicaIdentity.index)}`};`;
    toggle(`change replica identity of ${name}`, "replica-identity", sql(t), sql(f));
  }
  steps.push(...storageStep(id, alter, f.storageParameters, t.storageParameters, [{ level: "SHARE UPDATE EXCLUSIVE", on: id }]));
  if (f.tablespace !== t.tablespace) {
    const sql = (x: Table): string => `${alter} SET TABLESPACE ${ident(x.tablespace ?? "pg_default")};`;
    toggle(`move ${name} to tablespace ${t.tablespace ?? "pg_default"}`, "tablespace", sql(t), sql(f), { hazards: [hazard("table-rewrite", `${name} is copied to the new tablespace`)], long: true });
  }
  steps.push(...commentStep(id, `TABLE ${name}`, f.comment, t.comment));
  steps.push(...ownerStep(id, `${alter}`, f.owner, t.owner, id));
  if (ctx.options.privileges) steps.push(...relationAclStep(id, name, f, t));
  return steps;
}

function dropTable(entry: EntryOf<"tables">, ctx: PlanContext, implied: readonly Entry[], withoutForeignKeys = false): Step {
  const t = entry.object;
  // A foreign table holds no rows of its own.
  const step = dropStep(entry, ctx, implied, {
    locks: [{ level: "ACCESS EXCLUSIVE", on: entry.id }],
    hazards: t.foreign
      ? [hazard("breaking-writers", `writes to ${qname(t)} fail`)]
      : [
          hazard("data-loss", `drops ${describe(entry.id)} and every row in it`),
          ...stringBodiesNaming(t, ctx).map((r) => hazard("untrackable-dependency", `${r} names ${qname(t)} in a string body PostgreSQL does not track: its calls fail once the table is gone`)),
          // A partition's writes go through its parent, which stays, but rows it took now have nowhere to go.
          ...(t.partitionOf && hasDefaultPartition(t.partitionOf.parent, ctx)
            ? []
            : [hazard("breaking-writers", t.partitionOf ? `writes of rows that belonged to ${qname(t)} fail: no partition takes them` : `writes to ${qname(t)} fail`)]),
        ],
    breaking: [breaking("relation-removed", `${qname(t)} no longer exists: queries naming it fail`)],
    ...(t.foreign ? {} : { lost: `the rows of ${qname(t)}` }),
    verify: verifyAbsent(entry),
    ...(withoutForeignKeys ? { leaveOut: (p: DdlPiece) => p.phase === "foreign-key" } : {}),
  });
  const foreignKeys = t.constraints.filter((k) => k.kind === "foreign-key");
  if (!withoutForeignKeys && foreignKeys.length > 0) {
    // Tables that reference each other: their foreign keys go first, each table after.
    STEP_SPLIT.set(step, () => [
      ...foreignKeys.map((k) => {
        const id = objectId.constraint(t, k.name);
        return alterStep({
          why: `drop foreign key ${k.name} on ${qname(t)} (the table goes next)`,
          object: id,
          detail: "drop-constraint",
          up: [`${alterKeyword(t)} ${qname(t)} DROP CONSTRAINT ${ident(k.name)};`],
          down: [`${alterKeyword(t)} ONLY ${qname(t)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}${k.notValid ? " NOT VALID" : ""};`],
          locks: [{ level: "ACCESS EXCLUSIVE", on: entry.id }],
          creates: [],
          drops: [id],
        });
      }),
      dropTable(entry, ctx, implied, true),
    ]);
  }
  return step;
}

/** Routines the plan keeps whose string body, old or new, (which PostgreSQL does not track) names the table. */
function stringBodiesNaming(t: Table, ctx: PlanContext): string[] {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const word = new RegExp(`(^|[^\\w$."])((?:"?${escape(t.schema)}"?\\.)?"?${escape(t.name)}"?)(?![\\w$])`, "i");
  const key = (r: Catalog["routines"][number]): string => `${qname(r)}(${r.identityArguments})`;
  // A routine the plan keeps (its old body or its new one names the table); one dropped as well needs no care.
  const kept = new Set(ctx.to.routines.map(key));
  const naming = [...ctx.from.routines, ...ctx.to.routines].filter((r) => kept.has(key(r)) && !r.sqlStandardBody && (r.language === "sql" || r.language === "plpgsql") && word.test(r.body));
  return [...new Set(naming.map(key))];
}

const hasDefaultPartition = (parent: QualifiedName, ctx: PlanContext): boolean =>
  ctx.to.tables.some((x) => x.partitionOf?.bound === "DEFAULT" && qname(x.partitionOf.parent) === qname(parent));

/**
 * A partition created next to a default partition that holds rows: PostgreSQL scans the default partition (under
 * an ACCESS EXCLUSIVE lock) for rows the new one should take, and fails if it finds any.
 */
function besideDefaultPartition(t: Table, ctx: PlanContext): Step["hazards"] {
  const parent = t.partitionOf?.parent;
  if (!parent || t.partitionOf?.bound === "DEFAULT") return [];
  const fallback = ctx.from.tables.find((x) => x.partitionOf?.bound === "DEFAULT" && qname(x.partitionOf.parent) === qname(parent));
  if (!fallback || ctx.created.has(objectId.table(fallback))) return [];
  return [
    hazard("validation-scan", `the default partition ${qname(fallback)} is scanned for rows that belong in ${qname(t)}`),
    hazard("long-lock", `${qname(fallback)} is locked ACCESS EXCLUSIVE during the scan`),
    hazard("may-fail-on-data", `fails if ${qname(fallback)} holds rows for ${t.partitionOf!.bound}`),
  ];
}

export const tablesKind: KindPlanner<"tables"> = {
  create: (entry, ctx) => createSteps(entry, ctx, { verify: verifyExists(entry), hazards: besideDefaultPartition(entry.object, ctx) }),
  drop: dropTable,
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const changed = RECREATE_FIELDS.find((k) => canonicalJson(f[k] ?? null) !== canonicalJson(t[k] ?? null));
    if (changed !== undefined) return { recreate: `its ${changed} changes, which ALTER TABLE cannot do in place` };
    const links = tableLinkSteps(f, t);
    return {
      steps: [...links.before, ...columnSteps(f, t, ctx), ...constraintSteps(f, t, ctx), ...tableLevelSteps(f, t, ctx, toEntry.id), ...links.after],
    };
  },
};
