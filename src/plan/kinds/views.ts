import type { MaterializedView, RelationColumn, View } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../../sql/ident.js";
import type { EntryOf } from "../../diff/entries.js";
import type { PlanContext } from "../context.js";
import { piecesFor } from "../generic.js";
import { breaking } from "../breaking.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { verifyExists } from "../verify.js";
import { type AlterResult, alterStep, commentStep, ownerStep, storageStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";
import { relationAclStep } from "./relation-acl.js";

const shape = (columns: readonly RelationColumn[]): string[] => columns.map((c) => `${c.name}\u0000${c.type}`);

/** `CREATE OR REPLACE VIEW` keeps the columns it has and may only add new ones at the end. */
function replaceable(from: View, to: View): boolean {
  const a = shape(from.columns);
  const b = shape(to.columns);
  return a.length <= b.length && a.every((c, i) => c === b[i]);
}

/** The view's `CREATE VIEW` as the DDL writer prints it, turned into `CREATE OR REPLACE VIEW`. */
function replaceStatement(entry: EntryOf<"views">, ctx: PlanContext, side: "from" | "to"): string {
  const create = piecesFor(ctx, side, new Set([entry.id]))[0]!.statements.find((s) => s.startsWith("CREATE VIEW") || s.startsWith("CREATE OR REPLACE VIEW"))!;
  return create.replace(/^CREATE (OR REPLACE )?VIEW/, "CREATE OR REPLACE VIEW");
}

const OPTION_FIELDS = ["securityBarrier", "securityInvoker", "checkOption", "storageParameters"] as const;

function optionSql(name: string, v: View): string[] {
  const set: string[] = [];
  const reset: string[] = [];
  (v.securityBarrier ? set : reset).push(v.securityBarrier ? "security_barrier=true" : "security_barrier");
  (v.securityInvoker ? set : reset).push(v.securityInvoker ? "security_invoker=true" : "security_invoker");
  (v.checkOption ? set : reset).push(v.checkOption ? `check_option=${v.checkOption}` : "check_option");
  set.push(...(v.storageParameters ?? []));
  return [...(set.length ? [`ALTER VIEW ${name} SET (${set.join(", ")});`] : []), ...(reset.length ? [`ALTER VIEW ${name} RESET (${reset.join(", ")});`] : [])];
}

/** Column comments and defaults of a view or materialized view, when the columns themselves stay. */
function columnSteps(keyword: "VIEW" | "MATERIALIZED VIEW", f: View | MaterializedView, t: View | MaterializedView): Step[] {
  const name = qname(t);
  return t.columns.flatMap((c, i) => {
    const before = f.columns[i]!;
    const id = objectId.column(t, c.name);
    const steps = commentStep(id, `COLUMN ${name}.${ident(c.name)}`, before.comment, c.comment);
    if (keyword === "VIEW" && before.default !== c.default) {
      const sql = (d: string | undefined): string =>
        `ALTER VIEW ${name} ALTER COLUMN ${ident(c.name)} ${d === undefined ? "DROP DEFAULT" : `SET DEFAULT ${d}`};`;
      steps.push(
        alterStep({
          why: `change default of view column ${name}.${c.name}`,
          object: id,
          detail: "default",
          up: [sql(c.default)],
          down: [sql(before.default)],
          hazards: [hazard("values-change", `rows inserted through ${name} get ${c.default ?? "no default"} in ${c.name}`)],
        }),
      );
    }
    return steps;
  });
}

const sameColumnsApartFromExtras = (f: readonly RelationColumn[], t: readonly RelationColumn[]): boolean =>
  canonicalJson(shape(f)) === canonicalJson(shape(t));

const CHECK_STRENGTH = { none: 0, local: 1, cascaded: 2 } as const;
const stricterCheck = (a: View["checkOption"], b: View["checkOption"]): boolean => CHECK_STRENGTH[b ?? "none"] > CHECK_STRENGTH[a ?? "none"];

export const viewsKind: KindPlanner<"views"> = {
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    const name = qname(t);
    const steps: Step[] = [];
    const columnsChanged = !sameColumnsApartFromExtras(f.columns, t.columns);
    if (f.definition !== t.definition || columnsChanged) {
      if (!replaceable(f, t)) return { recreate: "its columns change in a way CREATE OR REPLACE VIEW cannot express" };
      // Going back drops the new trailing columns, which only a recreate can do; the reversal does that.
      const up = [replaceStatement(toEntry, ctx, "to")];
      const down = columnsChanged ? [`DROP VIEW ${name};`, replaceStatement(fromEntry, ctx, "from")] : [replaceStatement(fromEntry, ctx, "from")];
      steps.push(
        alterStep({
          why: `replace the query of view ${name}`,
          object: id,
          detail: "definition",
          up,
          down,
          locks: [{ level: "ACCESS EXCLUSIVE", on: id }],
          // New trailing columns break no reader; a new query with the same shape neither.
          hazards: [],
          verify: verifyExists(toEntry),
        }),
      );
    }
    if (OPTION_FIELDS.some((k) => canonicalJson(f[k] ?? null) !== canonicalJson(t[k] ?? null))) {
      const security = !!f.securityBarrier !== !!t.securityBarrier || !!f.securityInvoker !== !!t.securityInvoker;
      steps.push(
        alterStep({
          why: `change options of view ${name}`,
          object: id,
          detail: "options",
          up: optionSql(name, t),
          down: optionSql(name, f),
          locks: [{ level: "ACCESS EXCLUSIVE", on: id }],
          hazards: [
            ...(security ? [hazard("authorization-change", `${name} now runs with ${t.securityInvoker ? "the caller's" : "its owner's"} privileges${t.securityBarrier ? " behind a security barrier" : ""}`)] : []),
            ...(stricterCheck(f.checkOption, t.checkOption) ? [hazard("breaking-writers", `writes through ${name} of rows its query would not show now fail (${t.checkOption} check option)`)] : []),
          ],
        }),
      );
    }
    if (!columnsChanged) steps.push(...columnSteps("VIEW", f, t));
    steps.push(...commentStep(id, `VIEW ${name}`, f.comment, t.comment));
    steps.push(...ownerStep(id, `ALTER VIEW ${name}`, f.owner, t.owner));
    if (ctx.options.privileges) steps.push(...relationAclStep(id, name, f, t));
    return { steps };
  },
};

export const materializedViewsKind: KindPlanner<"materializedViews"> = {
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    const id = toEntry.id;
    const name = qname(t);
    if (f.definition !== t.definition || !sameColumnsApartFromExtras(f.columns, t.columns)) return { recreate: "its query changes" };
    if (f.accessMethod !== t.accessMethod || f.tablespace !== t.tablespace) return { recreate: "its access method or tablespace changes" };
    const steps: Step[] = [];
    if (f.populated !== t.populated) {
      const sql = (populated: boolean): string => `REFRESH MATERIALIZED VIEW ${name}${populated ? "" : " WITH NO DATA"};`;
      steps.push(
        alterStep({
          why: `${t.populated ? "populate" : "empty"} materialized view ${name}`,
          object: id,
          detail: "populated",
          up: [sql(t.populated)],
          down: [sql(f.populated)],
          locks: [{ level: "ACCESS EXCLUSIVE", on: id }],
          hazards: t.populated ? [hazard("long-lock", `REFRESH runs the query of ${name} under an ACCESS EXCLUSIVE lock`)] : [],
          breaking: t.populated ? [] : [breaking("relation-removed", `${name} holds no data: queries on it fail until it is refreshed`)],
          ...(t.populated ? { long: true as const } : {}),
        }),
      );
    }
    steps.push(...storageStep(id, `ALTER MATERIALIZED VIEW ${name}`, f.storageParameters, t.storageParameters));
    steps.push(...columnSteps("MATERIALIZED VIEW", f, t));
    steps.push(...commentStep(id, `MATERIALIZED VIEW ${name}`, f.comment, t.comment));
    steps.push(...ownerStep(id, `ALTER MATERIALIZED VIEW ${name}`, f.owner, t.owner));
    if (ctx.options.privileges) steps.push(...relationAclStep(id, name, f, t));
    return { steps };
  },
};

