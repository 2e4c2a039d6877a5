import type { Column, Table } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import { defaultNotNullName } from "../../catalog/read/table-default-names.js";
import { columnDefinition, columnSettings } from "../../sql/ddl/table-columns.js";
import { alterKeyword } from "../../sql/ddl/table-create.js";
import { ident, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import type { PlanContext } from "../context.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { columnCondition, constraintCondition, verifyQuery } from "../verify.js";
import { alterStep, commentStep } from "./common.js";
import { allSequenceOptions } from "./sequences.js";

/** Functions whose value differs per row: a default calling one makes `ADD COLUMN` rewrite the table. */
const VOLATILE = /\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|txid_current|statement_timestamp)\s*\(/i;

const volatileDefault = (c: Column, ctx: PlanContext): boolean =>
  c.default !== undefined &&
  (VOLATILE.test(c.default) || ctx.to.routines.some((r) => r.volatility === "volatile" && c.default!.includes(`${r.name}(`)));

/** Type changes PostgreSQL does without rewriting: more room in a varchar, varchar to text, more digits. */
function binaryCompatible(from: string, to: string): boolean {
  const citext = (t: string): boolean => t === "text" || /(^|\.)citext$/.test(t);
  if (citext(from) && citext(to)) return true;
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const a = varchar.exec(from);
  if (a && (to === "text" || /^character varying$/.test(to))) return true;
  const b = varchar.exec(to);
  if (a && b && a[1] && b[1]) return Number(b[1]) >= Number(a[1]);
  const numeric = /^numeric\((\d+),(\d+)\)$/;
  const x = numeric.exec(from);
  const y = numeric.exec(to);
  if (x && to === "numeric") return true;
  return !!(x && y && x[2] === y[2] && Number(y[1]) >= Number(x[1]));
}

const baseType = (t: string): string => t.replace(/\(.*?\)/, "");

/** Conversions every value survives: a wider integer, integer to numeric, float4 to float8 (arrays alike). */
function widening(from: string, to: string): boolean {
  const base = (t: string): string => t.replace(/\[\]$/, "");
  if (from.endsWith("[]") !== to.endsWith("[]")) return false;
  const rank = ["smallint", "integer", "bigint", "numeric"];
  const a = rank.indexOf(base(from));
  const b = rank.indexOf(base(to));
  if (a >= 0 && b > a) return true;
  if (base(from) === "real" && base(to) === "double precision") return true;
  if (base(to) === "text") return true;
  return false;
}

export function columnSteps(f: Table, t: Table, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const tableId = objectId.table(t);
  const before = new Map(f.columns.map((c) => [c.name, c]));
  const after = new Map(t.columns.map((c) => [c.name, c]));
  const steps: Step[] = [];

  // A typed table's columns come and go with its type's attributes (ALTER TYPE … CASCADE).
  const typed = t.ofType !== undefined && f.ofType !== undefined;
  for (const c of f.columns) {
    if (after.has(c.name) || c.inherited || typed) continue;
    const id = objectId.column(t, c.name);
    const restorable = !c.notNull || c.default !== undefined || c.identity !== undefined || c.generated !== undefined;
    // A generated column's values come back with it: nothing is lost.
    const derived = c.generated !== undefined;
    steps.push(
      alterStep({
        why: `drop column ${name}.${c.name}`,
        object: id,
        detail: "drop",
        up: [`${alter} DROP COLUMN ${ident(c.name)};`],
        down: [`${alter} ADD COLUMN ${columnDefinition(f, { column: c, withDefault: true, withGenerated: true })};`, ...settings(alter, c)],
        ...(derived ? {} : restorable ? { lossy: `the values of ${name}.${c.name}` } : { irreversible: `${name}.${c.name} is NOT NULL without a default: its values cannot be restored` }),
        locks: [{ level: "ACCESS EXCLUSIVE", on: tableId }],
        // Nobody writes a generated column: its drop breaks readers only.
        hazards: derived
          ? [hazard("breaking-readers", `${name}.${c.name} no longer exists`)]
          : [hazard("data-loss", `drops column ${name}.${c.name} and its values`), hazard("breaking-writers", `writes naming ${name}.${c.name} fail`)],
        breaking: [breaking("column-removed", `${name}.${c.name} no longer exists: queries naming it fail`)],
        verify: verifyQuery(`NOT ${columnCondition.exists(t, c.name)}`),
        creates: [],
        drops: [id, objectId.columnDefault(t, c.name)],
      }),
    );
  }

  for (const c of t.columns) {
    const prev = before.get(c.name);
    if (c.inherited) continue;
    if (prev === undefined && typed) continue;
    if (prev === undefined) steps.push(...addColumn(t, c, ctx));
    else steps.push(...changeColumn(t, prev, c, ctx));
  }
  return steps;
}

const settings = (alter: string, c: Column): string[] => columnSettings(c).map((s) => `${alter} ${s};`);

function addColumn(t: Table, c: Column, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const id = objectId.column(t, c.name);
  const split = ctx.options.online && volatileDefault(c, ctx) && !c.notNull && !c.identity;
  const rewrites = !split && (volatileDefault(c, ctx) || c.identity !== undefined || c.generated?.kind === "stored");
  const definition = columnDefinition(t, { column: c, withDefault: !split, withGenerated: true });
  const up = [`${alter} ADD COLUMN ${definition};`, ...(split ? [`${alter} ALTER COLUMN ${ident(c.name)} SET DEFAULT ${c.default};`] : []), ...settings(alter, c)];
  const hazards = [
    ...(rewrites ? [hazard("table-rewrite", `adding ${c.name} computes a value for every row of ${name}`)] : []),
    ...(split ? [hazard("values-change", `existing rows of ${name} get NULL in ${c.name}; only new rows get the default: backfill in batches if needed`)] : []),
    ...(c.notNull && c.default === undefined && !c.identity && !c.generated
      ? [hazard("may-fail-on-data", `fails if ${name} has rows: ${c.name} is NOT NULL without a default`), hazard("breaking-writers", `inserts into ${name} must set ${c.name}`)]
      : []),
  ];
  return [
    alterStep({
      why: `add column ${name}.${c.name}`,
      object: id,
      detail: "add",
      up,
      down: [`${alter} DROP COLUMN ${ident(c.name)};`],
      locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(t) }],
      hazards,
      breaking: c.notNull && c.default === undefined && !c.identity && !c.generated ? [breaking("not-null-added", `inserts into ${name} must now set ${c.name}`)] : [],
      verify: verifyQuery(columnCondition.exists(t, c.name)),
      ...(rewrites ? { long: true as const } : {}),
      creates: [id, objectId.columnDefault(t, c.name)],
    }),
    ...commentStep(id, `COLUMN ${name}.${ident(c.name)}`, undefined, c.comment),
  ];
}

function changeColumn(t: Table, f: Column, c: Column, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const column = `${alter} ALTER COLUMN ${ident(c.name)}`;
  const id = objectId.column(t, c.name);
  const tableId = objectId.table(t);
  const steps: Step[] = [];
  const lock = [{ level: "ACCESS EXCLUSIVE" as const, on: tableId }];

  if (f.generated && !c.generated) {
    // DROP EXPRESSION keeps the values as plain data; going back computes them again as a new column.
    steps.push(
      alterStep({
        why: `make ${name}.${c.name} a plain column`,
        object: id,
        detail: "generated",
        up: [`${column} DROP EXPRESSION;`],
        down: [`${alter} DROP COLUMN ${ident(c.name)};`, `${alter} ADD COLUMN ${columnDefinition(t, { column: f, withDefault: true, withGenerated: true })};`],
        lossy: `values written to ${name}.${c.name} after it became plain`,
        locks: lock,
      }),
    );
  }
  if (!f.generated && c.generated) {
    steps.push(
      alterStep({
        why: `make ${name}.${c.name} generated`,
        object: id,
        detail: "generated",
        up: [`${alter} DROP COLUMN ${ident(c.name)};`, `${alter} ADD COLUMN ${columnDefinition(t, { column: c, withDefault: true, withGenerated: true })};`],
        down: [`${column} DROP EXPRESSION;`],
        lossy: `the values stored in ${name}.${c.name} (recomputed from the expression)`,
        locks: lock,
        hazards: [hazard("data-loss", `the values of ${name}.${c.name} are replaced by the expression's`), hazard("table-rewrite", `${name} is rewritten to compute ${c.name}`), hazard("breaking-writers", `${name}.${c.name} can no longer be written`)],
        long: true,
      }),
    );
  }
  if (canonicalJson(f.generated ?? null) !== canonicalJson(c.generated ?? null) && f.generated && c.generated) {
    const sql = (x: Column): string => `${column} SET EXPRESSION AS (${x.generated!.expression});`;
    if (ctx.to.server.versionNum >= 170000 && ctx.from.server.versionNum >= 170000) {
      steps.push(alterStep({ why: `change generation of ${name}.${c.name}`, object: id, detail: "generated", up: [sql(c)], down: [sql(f)], locks: lock, hazards: [hazard("table-rewrite", `every row of ${name} is computed again`)], long: true }));
    }
  }
  if ((f.type !== c.type || f.collation !== c.collation) && !(!f.generated && c.generated)) {
    const sql = (x: Column): string => `${column} TYPE ${x.type}${x.collation ? ` COLLATE ${x.collation}` : ""} USING ${ident(x.name)}::${x.type};`;
    // A new collation keeps the bytes (indexes on the column are rebuilt); text and citext share them too.
    const cheap = f.type === c.type || binaryCompatible(f.type, c.type);
    const safe = cheap || widening(f.type, c.type);
    steps.push(
      alterStep({
        why: `change type of ${name}.${c.name} from ${f.type} to ${c.type}`,
        object: id,
        detail: "type",
        up: [sql(c)],
        down: [sql(f)],
        locks: lock,
        hazards: [
          ...(cheap ? [] : [hazard("table-rewrite", `${name} and its indexes are rewritten under an ACCESS EXCLUSIVE lock`)]),
          ...(safe ? [] : [hazard("may-fail-on-data", `fails if a value of ${c.name} does not convert to ${c.type}`), hazard("breaking-writers", `values ${c.type} rejects can no longer be written to ${name}.${c.name}`)]),
        ],
        // Readers see another type only when the type itself changes, not its length or precision.
        breaking: baseType(f.type) === baseType(c.type) ? [] : [breaking("column-type-changed", `${name}.${c.name} becomes ${c.type}`)],
        verify: verifyQuery(columnCondition.type(t, c.name, c.type)),
        // Converting back restores the type, not the text of every value ('007' → 7 → '7').
        ...(safe ? {} : { lossy: `the exact form of values of ${name}.${c.name} that ${c.type} normalizes` }),
        ...(cheap ? {} : { long: true as const }),
        creates: [id, objectId.columnDefault(t, c.name)],
      }),
    );
  }
  if (f.default !== c.default && !c.generated) {
    const sql = (x: Column): string => `${column} ${x.default === undefined ? "DROP DEFAULT" : `SET DEFAULT ${x.default}`};`;
    steps.push(
      alterStep({
        why: `${c.default === undefined ? "drop" : "set"} default of ${name}.${c.name}`,
        object: objectId.columnDefault(t, c.name),
        detail: "default",
        up: [sql(c)],
        down: [sql(f)],
        locks: lock,
        hazards: [hazard("values-change", `new rows of ${name} get ${c.default === undefined ? "no default" : c.default} in ${c.name}`)],
        breaking: c.default === undefined && c.notNull ? [breaking("default-removed", `inserts into ${name} must now set ${c.name}`)] : [],
        verify: verifyQuery(columnCondition.hasDefault(t, c.name, c.default !== undefined)),
        // Dropping the default ends its needs; setting one brings new ones.
        creates: c.default === undefined ? [] : [objectId.columnDefault(t, c.name)],
        drops: c.default === undefined ? [objectId.columnDefault(t, c.name)] : [],
      }),
    );
  }
  if (f.notNull !== c.notNull) steps.push(...notNullSteps(t, c, ctx));
  else if (c.notNull && canonicalJson(f.notNullConstraint ?? null) !== canonicalJson(c.notNullConstraint ?? null)) steps.push(...notNullConstraintSteps(t, f, c));
  if (canonicalJson(f.identity ?? null) !== canonicalJson(c.identity ?? null)) {
    const set = (x: Column): string[] =>
      x.identity ? [`${column} ADD GENERATED ${x.identity.generation === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY (${allSequenceOptions(x.identity, false)});`] : [];
    const drop = (x: Column): string[] => (x.identity ? [`${column} DROP IDENTITY;`] : []);
    steps.push(
      alterStep({
        why: `change identity of ${name}.${c.name}`,
        object: id,
        detail: "identity",
        up: [...drop(f), ...set(c)],
        down: [...drop(c), ...set(f)],
        locks: lock,
        hazards: [hazard("values-change", `new values of ${name}.${c.name} come from another sequence`)],
        ...(f.identity ? { lossy: `the position of the identity sequence of ${name}.${c.name}` } : {}),
      }),
    );
  }
  const settingsOf = (x: Column): string => canonicalJson([x.storage, x.compression, x.statistics, x.options]);
  if (settingsOf(f) !== settingsOf(c)) {
    const reset = (x: Column, y: Column): string[] => [
      ...(x.storage && !y.storage ? [`${column} SET STORAGE DEFAULT;`] : []),
      ...(x.compression && !y.compression ? [`${column} SET COMPRESSION DEFAULT;`] : []),
      ...(x.statistics !== undefined && y.statistics === undefined ? [`${column} SET STATISTICS -1;`] : []),
      ...(x.options && !y.options ? [`${column} RESET (${x.options.map((o) => o.split("=")[0]).join(", ")});`] : []),
      ...settings(alter, y),
    ];
    steps.push(alterStep({ why: `change storage settings of ${name}.${c.name}`, object: id, detail: "settings", up: reset(f, c), down: reset(c, f), locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: tableId }] }));
  }
  steps.push(...commentStep(id, `COLUMN ${name}.${ident(c.name)}`, f.comment, c.comment));
  return steps;
}

/** PostgreSQL 18's named NOT NULL constraint: renamed, or its comment changed, in place. */
function notNullConstraintSteps(t: Table, f: Column, c: Column): Step[] {
  const name = qname(t);
  const before = f.notNullConstraint?.name ?? defaultNotNullName(t.name, c.name);
  const after = c.notNullConstraint?.name ?? defaultNotNullName(t.name, c.name);
  const steps: Step[] = [];
  if (before !== after) {
    const sql = (a: string, b: string): string => `ALTER TABLE ${name} RENAME CONSTRAINT ${ident(a)} TO ${ident(b)};`;
    steps.push(alterStep({ why: `rename the NOT NULL constraint of ${name}.${c.name} to ${after}`, object: objectId.column(t, c.name), detail: "not-null-name", up: [sql(before, after)], down: [sql(after, before)] }));
  }
  steps.push(...commentStep(objectId.column(t, c.name), `CONSTRAINT ${ident(after)} ON ${name}`, f.notNullConstraint?.comment, c.notNullConstraint?.comment));
  return steps;
}

/**
 * SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock. Online: a CHECK (c IS NOT NULL) added NOT VALID,
 * validated in its own transaction under a weaker lock, lets SET NOT NULL skip the scan; the CHECK then goes.
 */
function notNullSteps(t: Table, c: Column, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const column = `${alter} ALTER COLUMN ${ident(c.name)}`;
  const id = objectId.column(t, c.name);
  const lock = [{ level: "ACCESS EXCLUSIVE" as const, on: objectId.table(t) }];
  const verify = verifyQuery(columnCondition.notNull(t, c.name, c.notNull));
  if (!c.notNull) {
    return [alterStep({ why: `allow NULL in ${name}.${c.name}`, object: id, detail: "not-null", up: [`${column} DROP NOT NULL;`], down: [`${column} SET NOT NULL;`], locks: lock, verify })];
  }
  const fresh = ctx.created.has(objectId.table(t));
  const breakingNote = [breaking("not-null-added", `${name}.${c.name} no longer accepts NULL`)];
  if (!ctx.options.online || fresh || t.partitioning) {
    const scan = fresh ? [] : [hazard("validation-scan", `${name} is scanned under an ACCESS EXCLUSIVE lock`), hazard("long-lock", `reads and writes of ${name} wait for the scan`), hazard("may-fail-on-data", `fails if ${c.name} holds NULL`)];
    return [alterStep({ why: `forbid NULL in ${name}.${c.name}`, object: id, detail: "not-null", up: [`${column} SET NOT NULL;`], down: [`${column} DROP NOT NULL;`], locks: lock, verify, long: true, hazards: scan, breaking: breakingNote })];
  }
  const check = `${c.name}_not_null_pgschema`.slice(0, 63);
  const dropCheck = `${alter} DROP CONSTRAINT IF EXISTS ${ident(check)};`;
  const chain = `~not-null:${id}`;
  return [
    alterStep({
      why: `forbid NULL in ${name}.${c.name} (1/3: CHECK NOT VALID)`,
      object: id,
      detail: "not-null-check",
      up: [dropCheck, `${alter} ADD CONSTRAINT ${ident(check)} CHECK (${ident(c.name)} IS NOT NULL) NOT VALID;`],
      down: [dropCheck],
      locks: lock,
      hazards: [hazard("breaking-writers", `writes of NULL to ${name}.${c.name} fail from here on`)],
      breaking: breakingNote,
      verify: verifyQuery(constraintCondition.exists(t, check)),
      creates: [`${chain}:1`],
    }),
    alterStep({
      why: `forbid NULL in ${name}.${c.name} (2/3: validate, without blocking writes)`,
      object: id,
      detail: "not-null-validate",
      up: [`${alter} VALIDATE CONSTRAINT ${ident(check)};`],
      down: [],
      transaction: "own",
      locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: objectId.table(t) }],
      hazards: [hazard("validation-scan", `${name} is scanned; reads and writes go on`), hazard("may-fail-on-data", `fails if ${c.name} holds NULL`)],
      verify: verifyQuery(constraintCondition.validated(t, check)),
      long: true,
      creates: [`${chain}:2`],
      requires: [`${chain}:1`],
    }),
    alterStep({
      why: `forbid NULL in ${name}.${c.name} (3/3: SET NOT NULL uses the validated CHECK)`,
      object: id,
      detail: "not-null",
      up: [`${column} SET NOT NULL;`, dropCheck],
      down: [`${column} DROP NOT NULL;`],
      locks: lock,
      verify,
      creates: [id],
      requires: [`${chain}:2`],
    }),
  ];
}
