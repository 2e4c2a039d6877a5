import type { Catalog, Column, Identity, QualifiedName, Table } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import { defaultNotNullName } from "../../catalog/read/table-default-names.js";
import { columnDefinition, columnSettings } from "../../sql/ddl/table-columns.js";
import { alterKeyword } from "../../sql/ddl/table-create.js";
import { ident, literal, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import type { PlanContext } from "../context.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { columnCondition, constraintCondition, verifyQuery } from "../verify.js";
import { aclStep, alterStep, commentStep } from "./common.js";
import { primaryKeyFree } from "./table-constraints.js";
import { allSequenceOptions } from "./sequences.js";

/** Functions whose value differs per row: a default calling one makes `ADD COLUMN` rewrite the table. */
const VOLATILE = /\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|txid_current|statement_timestamp)\s*\(/i;

const volatileDefault = (c: Column, ctx: PlanContext): boolean =>
  c.default !== undefined &&
  (VOLATILE.test(c.default) || ctx.to.routines.some((r) => r.volatility === "volatile" && c.default!.includes(`${r.name}(`)));

const element = (t: string): string => t.replace(/\[\]$/, "");
const citext = (t: string): boolean => /(^|\.)citext$/.test(t);

/** Type changes PostgreSQL does without rewriting: more room in a varchar, varchar to text, more digits. */
export function binaryCompatible(from: string, to: string): boolean {
  const texty = (t: string): boolean => t === "text" || citext(t);
  if (texty(from) && texty(to)) return true;
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

const NUMBERS = /^(smallint|integer|bigint|real|double precision|numeric(\(\d+,\d+\))?)$/;
const INTEGERS = /^(smallint|integer|bigint)$/;


/** Types whose values convert by an assignment cast that fails rather than cuts: no USING needed. */
function sameFamily(a: string, b: string): boolean {
  const [x, y] = [element(a), element(b)];
  if (a.endsWith("[]") !== b.endsWith("[]")) return false;
  return baseType(x) === baseType(y) || (textual(x) && textual(y)) || (NUMBERS.test(x) && NUMBERS.test(y));
}

/**
 * A conversion whose way back cannot restore every value as written: text parsed into a built-in type ('007' → 7),
 * fractions or digits dropped, time precision cut. Text into an enum or a domain of text comes back as it was.
 */
function lossyConversion(a: string, b: string): boolean {
  const [from, to] = [element(a), element(b)];
  if (textual(from) || citext(from)) return !(textual(to) || citext(to) || to.includes("."));
  const scale = (t: string): number => Number(/^numeric\(\d+,(\d+)\)$/.exec(t)?.[1] ?? (INTEGERS.test(t) ? 0 : Number.POSITIVE_INFINITY));
  if (NUMBERS.test(from) && NUMBERS.test(to)) return scale(to) < scale(from) || (/^(real|double precision)$/.test(to) && !/^(real|double precision)$/.test(from));
  const precision = (t: string): number => Number(/\((\d+)\)/.exec(t)?.[1] ?? 6);
  if (/^(timestamp|time)/.test(from) && baseType(from) === baseType(to)) return precision(to) < precision(from);
  return !sameFamily(from, to) && !textual(to);
}

/** varchar and text read back alike (citext does not: it compares without case). */
const textual = (t: string): boolean => /^(text|character varying(\(\d+\))?)$/.test(t);

/** Conversions every value survives: a wider integer, integer to numeric, float4 to float8 (arrays alike). */
/** Every value of `from` fits `to`: nothing written before can be refused after. */
export function widening(from: string, to: string): boolean {
  if (from.endsWith("[]") !== to.endsWith("[]")) return false;
  const rank = ["smallint", "integer", "bigint", "numeric"];
  const a = rank.indexOf(element(from));
  const b = rank.indexOf(element(to));
  if (a >= 0 && b > a) return true;
  if (element(from) === "real" && element(to) === "double precision") return true;
  if (element(to) === "text") return true;
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
    else steps.push(...changeColumn(f, t, prev, c, ctx));
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

function changeColumn(ft: Table, t: Table, f: Column, c: Column, ctx: PlanContext): Step[] {
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
  const retyped = (f.type !== c.type || f.collation !== c.collation) && !(!f.generated && c.generated);
  // A default that changes with the type goes first and comes back after: the old one may not cast to the new type.
  const defaultWithType = retyped && f.default !== c.default && !c.generated && !f.generated;
  if (retyped) {
    const dropDefault = (x: Column): string[] => (defaultWithType && x.default !== undefined ? [`${column} DROP DEFAULT;`] : []);
    const setDefault = (x: Column): string[] => (defaultWithType && x.default !== undefined ? [`${column} SET DEFAULT ${x.default};`] : []);
    // Within a family the assignment cast applies (it refuses a too-long varchar where `::` would cut it short);
    // across families an explicit USING says how.
    const using = (a: string, b: string): string => (sameFamily(a, b) ? "" : ` USING ${ident(c.name)}::${b}`);
    const sql = (x: Column, y: Column): string => `${column} TYPE ${y.type}${y.collation ? ` COLLATE ${y.collation}` : ""}${using(x.type, y.type)};`;
    // A new collation keeps the bytes (indexes on the column are rebuilt); text and citext share them too.
    const cheap = f.type === c.type || binaryCompatible(f.type, c.type);
    const safe = cheap || widening(f.type, c.type);
    steps.push(
      alterStep({
        why: `change type of ${name}.${c.name} from ${f.type} to ${c.type}`,
        object: id,
        detail: "type",
        up: [...dropDefault(f), sql(f, c), ...setDefault(c)],
        down: [...dropDefault(c), sql(c, f), ...setDefault(f)],
        locks: lock,
        hazards: [
          ...(defaultWithType ? [hazard("values-change", `new rows of ${name} get ${c.default ?? "no default"} in ${c.name}`)] : []),
          ...(cheap ? [] : [hazard("table-rewrite", `${name} and its indexes are rewritten under an ACCESS EXCLUSIVE lock`)]),
          ...(safe ? [] : [hazard("may-fail-on-data", `fails if a value of ${c.name} does not convert to ${c.type}`), hazard("breaking-writers", `values ${c.type} rejects can no longer be written to ${name}.${c.name}`)]),
        ],
        // Readers see another type only when the kind of value changes: not a length, a precision, or varchar ↔ text.
        breaking: [
          ...(baseType(f.type) === baseType(c.type) || (textual(f.type) && textual(c.type)) ? [] : [breaking("column-type-changed", `${name}.${c.name} becomes ${c.type}`)]),
          ...(f.collation === c.collation ? [] : [breaking("column-collation-changed", `${name}.${c.name} sorts and compares by ${c.collation ?? "its type's default collation"}`)]),
          ...(defaultWithType && c.default === undefined && c.notNull ? [breaking("default-removed", `inserts into ${name} must now set ${c.name}`)] : []),
        ],
        verify: verifyQuery(columnCondition.type(t, c.name, c.type)),
        // Converting back restores the type, not the text of every value ('007' → 7 → '7'), nor digits rounded off.
        ...(lossyConversion(f.type, c.type) ? { lossy: `the exact form of values of ${name}.${c.name} that ${c.type} normalizes or rounds` } : {}),
        ...(cheap ? {} : { long: true as const }),
        creates: defaultWithType && c.default === undefined ? [id] : [id, objectId.columnDefault(t, c.name)],
        drops: defaultWithType && c.default === undefined ? [objectId.columnDefault(t, c.name)] : [],
      }),
    );
  }
  // DROP IDENTITY before a default is set, ADD … IDENTITY after the default went (a column cannot have both).
  const identityChanged = canonicalJson(f.identity ?? null) !== canonicalJson(c.identity ?? null);
  if (identityChanged && f.identity && !c.identity) steps.push(...identitySteps(t, f, c, ctx.options.privileges));
  if (f.default !== c.default && !c.generated && !defaultWithType) {
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
        breaking: c.default === undefined && c.notNull && !c.identity ? [breaking("default-removed", `inserts into ${name} must now set ${c.name}`)] : [],
        verify: verifyQuery(columnCondition.hasDefault(t, c.name, c.default !== undefined)),
        // Dropping the default ends its needs; setting one brings new ones.
        creates: c.default === undefined ? [] : [objectId.columnDefault(t, c.name)],
        drops: c.default === undefined ? [objectId.columnDefault(t, c.name)] : [],
      }),
    );
  }
  if (f.notNull !== c.notNull) steps.push(...notNullSteps(t, f, c, ctx));
  else if (c.notNull && (canonicalJson(f.notNullConstraint ?? null) !== canonicalJson(c.notNullConstraint ?? null) || (namedNotNull(ctx) && notNullName(ft, f, ctx.from) !== notNullName(t, c, ctx.to)))) {
    steps.push(...notNullConstraintSteps(t, f, c, notNullName(ft, f, ctx.from), notNullName(t, c, ctx.to)));
  }
  if (identityChanged && !(f.identity && !c.identity)) steps.push(...identitySteps(t, f, c, ctx.options.privileges));
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

/**
 * PostgreSQL 18's NOT NULL constraint as a statement: `ADD CONSTRAINT … NOT NULL` keeps its name, NO INHERIT and
 * NOT VALID, which `SET NOT NULL` cannot say. Undefined for a plain `NOT NULL` (or before PostgreSQL 18).
 */
function addNotNullSql(t: Table, c: Column): string | undefined {
  const nn = c.notNullConstraint;
  if (!nn) return undefined;
  return `${alterKeyword(t)} ${nn.noInherit ? "ONLY " : ""}${qname(t)} ADD CONSTRAINT ${ident(nn.name)} NOT NULL ${ident(c.name)}${nn.noInherit ? " NO INHERIT" : ""}${nn.notValid ? " NOT VALID" : ""};`;
}

const setNotNullSql = (t: Table, c: Column): string => addNotNullSql(t, c) ?? `${alterKeyword(t)} ${qname(t)} ALTER COLUMN ${ident(c.name)} SET NOT NULL;`;

/**
 * Identity: generation, options and the sequence's name change in place (`SET GENERATED`, `SET INCREMENT BY …`,
 * `ALTER SEQUENCE … RENAME`), keeping the sequence's position; adding or dropping it, or a new data type, replaces
 * the sequence.
 */
function identitySteps(t: Table, f: Column, c: Column, privileges: boolean): Step[] {
  const name = qname(t);
  const column = `${alterKeyword(t)} ${name} ALTER COLUMN ${ident(c.name)}`;
  const id = objectId.column(t, c.name);
  const lock = [{ level: "ACCESS EXCLUSIVE" as const, on: objectId.table(t) }];
  const generation = (x: Identity): string => (x.generation === "always" ? "ALWAYS" : "BY DEFAULT");
  const sequence = (x: Identity): QualifiedName => ({ schema: t.schema, name: x.sequenceName });
  const a = f.identity;
  const b = c.identity;
  if (a && b && a.dataType === b.dataType) {
    const steps: Step[] = [];
    if (a.generation !== b.generation) {
      steps.push(
        alterStep({
          why: `make ${name}.${c.name} generated ${b.generation}`,
          object: id,
          detail: "identity-generation",
          up: [`${column} SET GENERATED ${generation(b)};`],
          down: [`${column} SET GENERATED ${generation(a)};`],
          locks: lock,
          hazards: b.generation === "always" ? [hazard("breaking-writers", `inserts that set ${name}.${c.name} fail unless OVERRIDING SYSTEM VALUE`)] : [],
        }),
      );
    }
    const options = (x: Identity): string => allSequenceOptions(x, false);
    if (options(a) !== options(b)) {
      const sql = (x: Identity): string => `${column} ${options(x).replace(/(INCREMENT BY|MINVALUE|MAXVALUE|START WITH|CACHE|NO CYCLE|CYCLE)(?= |$)/g, "SET $1").replace("SET SET", "SET")};`;
      steps.push(
        alterStep({
          why: `change identity options of ${name}.${c.name}`,
          object: id,
          detail: "identity-options",
          up: [sql(b)],
          down: [sql(a)],
          locks: lock,
          hazards: [hazard("values-change", `new values of ${name}.${c.name} follow ${options(b)}`)],
        }),
      );
    }
    if (a.sequenceName !== b.sequenceName) {
      const rename = (x: Identity, y: Identity): string => `ALTER SEQUENCE ${qname(sequence(x))} RENAME TO ${ident(y.sequenceName)};`;
      steps.push(alterStep({ why: `rename the identity sequence of ${name}.${c.name} to ${b.sequenceName}`, object: id, detail: "identity-sequence", up: [rename(a, b)], down: [rename(b, a)], creates: [id, objectId.sequence(sequence(b))], drops: [objectId.sequence(sequence(a))] }));
    }
    if (privileges) steps.push(...aclStep(objectId.sequence(sequence(b)), "SEQUENCE", qname(sequence(b)), { from: t.owner, to: t.owner }, a.acl, b.acl));
    return steps;
  }
  const set = (x: Column): string[] =>
    x.identity ? [`${column} ADD GENERATED ${generation(x.identity)} AS IDENTITY (SEQUENCE NAME ${qname(sequence(x.identity))} ${allSequenceOptions(x.identity, false)});`] : [];
  const drop = (x: Column): string[] => (x.identity ? [`${column} DROP IDENTITY;`] : []);
  // A column that becomes identity keeps its values: the new sequence continues after the largest one.
  const continueAfter = (x: Column, y: Column): string[] =>
    !x.identity && y.identity && !y.identity.increment.startsWith("-")
      ? [`SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(${literal(name)}, ${literal(c.name)}), max(${ident(c.name)})) FROM ${name} HAVING max(${ident(c.name)}) IS NOT NULL;`]
      : [];
  // The identity sequence takes a relation name: a sequence of that name goes first (serial → identity).
  const sequenceOf = (x: Column): string[] => (x.identity ? [objectId.sequence(sequence(x.identity))] : []);
  return [
    alterStep({
      why: `change identity of ${name}.${c.name}`,
      object: id,
      detail: "identity",
      up: [...drop(f), ...set(c), ...continueAfter(f, c)],
      down: [...drop(c), ...set(f), ...continueAfter(c, f)],
      // Not the column itself: what the column's default needed is the default step's business.
      creates: c.identity ? sequenceOf(c) : [`~identity:${id}`],
      drops: sequenceOf(f),
      locks: lock,
      hazards: [hazard("values-change", `new values of ${name}.${c.name} come from another sequence`)],
      breaking: f.identity && !c.identity && c.notNull && c.default === undefined ? [breaking("default-removed", `inserts into ${name} must now set ${c.name}`)] : [],
      ...(f.identity ? { lossy: `the position of the identity sequence of ${name}.${c.name}` } : {}),
    }),
  ];
}

/**
 * The name of a column's NOT NULL constraint on PostgreSQL 18 (see `Column.notNullConstraint`): recorded when not
 * the default; the default is the parent's for a partition or an inherited column, else `<table>_<column>_not_null`.
 * Attaching or detaching a partition keeps the name the table had, so it may need a rename.
 */
const namedNotNull = (ctx: PlanContext): boolean => ctx.from.server.versionNum >= 180000 && ctx.to.server.versionNum >= 180000;

function notNullName(table: Table, c: Column, catalog: Catalog): string {
  if (c.notNullConstraint) return c.notNullConstraint.name;
  const parent = table.partitionOf?.parent ?? (c.inherited ? table.inherits?.[0] : undefined);
  const p = parent && catalog.tables.find((x) => x.schema === parent.schema && x.name === parent.name);
  const pc = p?.columns.find((x) => x.name === c.name);
  return p && pc?.notNull ? notNullName(p, pc, catalog) : defaultNotNullName(table.name, c.name);
}

/** PostgreSQL 18's named NOT NULL constraint: validated, made NOT VALID, renamed, or its comment changed, in place. */
function notNullConstraintSteps(t: Table, f: Column, c: Column, before: string, after: string): Step[] {
  const name = qname(t);
  const dropNotNull = `${alterKeyword(t)} ${name} ALTER COLUMN ${ident(c.name)} DROP NOT NULL;`;
  const steps: Step[] = [];
  const id = objectId.column(t, c.name);
  const fromValid = !f.notNullConstraint?.notValid;
  const toValid = !c.notNullConstraint?.notValid;
  if (!fromValid && toValid) {
    steps.push(
      alterStep({
        why: `validate the NOT NULL constraint of ${name}.${c.name}`,
        object: id,
        detail: "not-null-validate",
        up: [`${alterKeyword(t)} ${name} VALIDATE CONSTRAINT ${ident(before)};`],
        down: [dropNotNull, setNotNullSql(t, { ...c, notNullConstraint: { ...f.notNullConstraint!, name: before } })],
        transaction: "own",
        locks: [{ level: "SHARE UPDATE EXCLUSIVE", on: objectId.table(t) }],
        hazards: [hazard("validation-scan", `${name} is scanned; reads and writes go on`), hazard("may-fail-on-data", `fails if ${c.name} holds NULL`)],
        verify: verifyQuery(constraintCondition.validated(t, before)),
        long: true,
      }),
    );
  }
  if (fromValid && !toValid) {
    // PostgreSQL cannot mark a constraint NOT VALID again: it is dropped and added back unchecked, under the target name.
    steps.push(
      alterStep({
        why: `make the NOT NULL constraint of ${name}.${c.name} NOT VALID`,
        object: id,
        detail: "not-null-unvalidate",
        up: [dropNotNull, setNotNullSql(t, c)],
        down: [dropNotNull, setNotNullSql(t, f)],
        locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(t) }],
        hazards: [],
        verify: verifyQuery(constraintCondition.exists(t, after)),
      }),
    );
  } else if (before !== after) {
    const sql = (a: string, b: string): string => `ALTER TABLE ${name} RENAME CONSTRAINT ${ident(a)} TO ${ident(b)};`;
    steps.push(alterStep({ why: `rename the NOT NULL constraint of ${name}.${c.name} to ${after}`, object: id, detail: "not-null-name", up: [sql(before, after)], down: [sql(after, before)] }));
  }
  steps.push(...commentStep(id, `CONSTRAINT ${ident(after)} ON ${name}`, f.notNullConstraint?.comment, c.notNullConstraint?.comment));
  return steps;
}

/**
 * SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock. Online: a CHECK (c IS NOT NULL) added NOT VALID,
 * validated in its own transaction under a weaker lock, lets SET NOT NULL skip the scan; the CHECK then goes.
 */
function notNullSteps(t: Table, f: Column, c: Column, ctx: PlanContext): Step[] {
  const name = qname(t);
  const alter = `${alterKeyword(t)} ${name}`;
  const column = `${alter} ALTER COLUMN ${ident(c.name)}`;
  const id = objectId.column(t, c.name);
  const lock = [{ level: "ACCESS EXCLUSIVE" as const, on: objectId.table(t) }];
  const verify = verifyQuery(columnCondition.notNull(t, c.name, c.notNull));
  if (!c.notNull) {
    // A column of a primary key stays NOT NULL until the key goes.
    return [alterStep({ why: `allow NULL in ${name}.${c.name}`, object: id, detail: "not-null", up: [`${column} DROP NOT NULL;`], down: [setNotNullSql(t, f)], locks: lock, verify, requires: [primaryKeyFree(objectId.table(t))] })];
  }
  const breakingNote = [breaking("not-null-added", `${name}.${c.name} no longer accepts NULL`)];
  if (c.notNullConstraint?.notValid) {
    // NOT VALID: new rows are checked, existing ones are not: no scan, nothing to fail on.
    return [
      alterStep({
        why: `forbid NULL in new rows of ${name}.${c.name} (NOT VALID)`,
        object: id,
        detail: "not-null",
        up: [setNotNullSql(t, c)],
        down: [`${column} DROP NOT NULL;`],
        locks: lock,
        hazards: [hazard("breaking-writers", `writes of NULL to ${name}.${c.name} fail from here on`)],
        breaking: breakingNote,
        verify: verifyQuery(constraintCondition.exists(t, c.notNullConstraint.name)),
      }),
    ];
  }
  const fresh = ctx.created.has(objectId.table(t));
  if (!ctx.options.online || fresh || t.partitioning) {
    const scan = fresh ? [] : [hazard("validation-scan", `${name} is scanned under an ACCESS EXCLUSIVE lock`), hazard("long-lock", `reads and writes of ${name} wait for the scan`), hazard("may-fail-on-data", `fails if ${c.name} holds NULL`)];
    return [alterStep({ why: `forbid NULL in ${name}.${c.name}`, object: id, detail: "not-null", up: [setNotNullSql(t, c)], down: [`${column} DROP NOT NULL;`], locks: lock, verify, long: true, hazards: scan, breaking: breakingNote })];
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
      up: [setNotNullSql(t, c), dropCheck],
      down: [`${column} DROP NOT NULL;`],
      locks: lock,
      verify,
      creates: [id],
      requires: [`${chain}:2`],
    }),
  ];
}
