import type { Catalog, CompositeType, DomainType, EnumType, TypeDefinition } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal, qname, role } from "../../sql/ident.js";
import type { PlanContext } from "../context.js";
import { REBUILT } from "../order.js";
import { renameQualified } from "../rename-text.js";
import { breaking } from "../breaking.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { type AlterResult, aclStep, alterStep, commentStep, ownerStep } from "./common.js";
import { binaryCompatible, widening } from "./table-columns.js";
import type { KindPlanner } from "./kind-planner.js";

/**
 * Enum labels: new ones are added in place (each `ADD VALUE` committed on its own, so later steps can use it); one
 * label renamed in place is `RENAME VALUE`. Removing or reordering labels needs the type rebuilt.
 */
function enumSteps(f: EnumType, t: EnumType): Step[] | undefined {
  const id = objectId.type(t);
  const name = qname(t);
  if (f.labels.length === t.labels.length) {
    const changed = f.labels.flatMap((l, i) => (l !== t.labels[i] ? [i] : []));
    if (changed.length === 0) return [];
    if (changed.length !== 1 || t.labels.includes(f.labels[changed[0]!]!) || f.labels.includes(t.labels[changed[0]!]!)) return undefined;
    const [before, after] = [f.labels[changed[0]!]!, t.labels[changed[0]!]!];
    const sql = (a: string, b: string): string => `ALTER TYPE ${name} RENAME VALUE ${literal(a)} TO ${literal(b)};`;
    return [
      alterStep({
        why: `rename value ${before} of enum ${name} to ${after}`,
        object: id,
        detail: "labels",
        up: [sql(before, after)],
        down: [sql(after, before)],
        // Without a hint a replaced label is only a candidate rename: said so, as the label that goes.
        hazards: [
          hazard("rename-candidate", `'${before}' is replaced by '${after}' at the same position: applied as RENAME VALUE, rows keep their value under the new label`),
          hazard("value-removed", `enum ${name} loses '${before}'`),
        ],
        breaking: [breaking("enum-value-removed", `enum ${name} no longer accepts '${before}' (renamed to '${after}')`)],
      }),
    ];
  }
  // Additions only: the old labels keep their relative order.
  const kept = t.labels.filter((l) => f.labels.includes(l));
  if (canonicalJson(kept) !== canonicalJson(f.labels)) return undefined;
  const present = [...f.labels];
  return t.labels.flatMap((label, i) => {
    if (f.labels.includes(label)) return [];
    const next = t.labels.slice(i + 1).find((l) => present.includes(l));
    const position = next === undefined ? "" : ` BEFORE ${literal(next)}`;
    present.push(label);
    return [
      alterStep({
        why: `add value ${label} to enum ${name}`,
        object: id,
        detail: "labels",
        up: [`ALTER TYPE ${name} ADD VALUE ${literal(label)}${position};`],
        down: [],
        irreversible: "PostgreSQL cannot remove an enum value; going back needs the type rebuilt",
        transaction: "own",
      }),
    ];
  });
}

/**
 * Labels removed or reordered: PostgreSQL cannot do that to an enum in place. The type is renamed aside, created
 * again with the target labels, every column using it converted through text (defaults dropped and set again),
 * and the old type dropped. What is built on those columns (views, checks, functions of the type) is rebuilt
 * around it by the plan.
 */
/** Labels both sides keep, in another relative order. */
function reordered(f: EnumType, t: EnumType): boolean {
  const kept = (a: EnumType, b: EnumType): string[] => a.labels.filter((l) => b.labels.includes(l));
  return canonicalJson(kept(f, t)) !== canonicalJson(kept(t, f));
}

function enumRebuild(f: EnumType, t: EnumType, ctx: PlanContext): { steps: Step[]; handles: string[] } {
  const id = objectId.type(t);
  const name = qname(t);
  const aside = `${t.name.slice(0, 40)}__pgschema_old`;
  const asideName = qname({ schema: t.schema, name: aside });
  const chain = `~enum-rebuild:${id}`;
  const labels = (e: EnumType): string => e.labels.map(literal).join(", ");
  const removed = f.labels.filter((l) => !t.labels.includes(l));
  const users = ctx.from.tables.flatMap((table) =>
    table.columns.filter((c) => c.type === name || c.type === `${name}[]`).map((c) => ({ table, column: c })),
  );
  const steps: Step[] = [
    alterStep({
      why: `set enum ${name} aside to rebuild it`,
      object: id,
      detail: "rebuild",
      up: [`ALTER TYPE ${name} RENAME TO ${ident(aside)};`],
      down: [`ALTER TYPE ${asideName} RENAME TO ${ident(t.name)};`],
      creates: [`${chain}:1`],
      drops: [id],
    }),
    alterStep({
      why: `create enum ${name} with its new labels`,
      object: id,
      detail: "rebuild",
      up: [`CREATE TYPE ${name} AS ENUM (${labels(t)});`, `ALTER TYPE ${name} OWNER TO ${role(t.owner)};`],
      down: [`DROP TYPE ${name};`],
      hazards: [
        ...(removed.length ? [hazard("value-removed", `enum ${name} loses ${removed.map((l) => `'${l}'`).join(", ")}`)] : []),
        ...(reordered(f, t) ? [hazard("breaking-readers", `values of ${name} compare and sort in another order`)] : []),
      ],
      breaking: removed.map((l) => breaking("enum-value-removed", `enum ${name} no longer accepts '${l}'`)),
      creates: [id, `${chain}:2`],
      requires: [`${chain}:1`],
    }),
  ];
  for (const { table, column } of users) {
    const target = ctx.to.tables.find((x) => x.schema === table.schema && x.name === table.name)?.columns.find((c) => c.name === column.name);
    const array = column.type.endsWith("[]") ? "[]" : "";
    const convert = (type: string, def: string | undefined): string[] => {
      const alter = `ALTER TABLE ${qname(table)} ALTER COLUMN ${ident(column.name)}`;
      return [
        ...(column.default !== undefined || target?.default !== undefined ? [`${alter} DROP DEFAULT;`] : []),
        `${alter} TYPE ${type}${array} USING ${ident(column.name)}::text${array}::${type}${array};`,
        ...(def !== undefined ? [`${alter} SET DEFAULT ${def};`] : []),
      ];
    };
    const columnId = objectId.column(table, column.name);
    steps.push(
      alterStep({
        why: `convert ${qname(table)}.${column.name} to the rebuilt enum ${name}`,
        object: columnId,
        detail: "type",
        up: convert(name, target?.default),
        down: convert(asideName, column.default === undefined ? undefined : renameQualified(column.default, t.schema, t.name, aside)),
        locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(table) }],
        hazards: [
          hazard("table-rewrite", `${qname(table)} is rewritten to convert ${column.name}`),
          ...(removed.length ? [hazard("may-fail-on-data", `fails if ${qname(table)}.${column.name} holds ${removed.map((l) => `'${l}'`).join(", ")}`)] : []),
        ],
        long: true,
        creates: [`${REBUILT}${columnId}`, `${REBUILT}${objectId.columnDefault(table, column.name)}`, `${chain}:column`],
        requires: [`${chain}:2`],
      }),
    );
  }
  steps.push(
    alterStep({
      why: `drop the old enum ${asideName}`,
      object: id,
      detail: "rebuild",
      up: [`DROP TYPE ${asideName};`],
      down: [`CREATE TYPE ${asideName} AS ENUM (${labels(f)});`, `ALTER TYPE ${asideName} OWNER TO ${role(f.owner)};`],
      creates: [],
      requires: [`${chain}:2`, `${chain}:column`],
    }),
  );
  return { steps, handles: users.map(({ table, column }) => objectId.column(table, column.name)) };
}

function domainSteps(f: DomainType, t: DomainType): Step[] | undefined {
  if (f.baseType !== t.baseType || f.collation !== t.collation || canonicalJson(f.notNullConstraint ?? null) !== canonicalJson(t.notNullConstraint ?? null)) return undefined;
  const id = objectId.type(t);
  const name = qname(t);
  const steps: Step[] = [];
  if (f.default !== t.default) {
    const sql = (d: string | undefined): string => `ALTER DOMAIN ${name} ${d === undefined ? "DROP DEFAULT" : `SET DEFAULT ${d}`};`;
    steps.push(alterStep({ why: `change default of domain ${name}`, object: id, detail: "default", up: [sql(t.default)], down: [sql(f.default)], hazards: [hazard("values-change", `new values of domain ${name} get another default`)] }));
  }
  if (f.notNull !== t.notNull) {
    const sql = (n: boolean): string => `ALTER DOMAIN ${name} ${n ? "SET" : "DROP"} NOT NULL;`;
    steps.push(
      alterStep({
        why: `${t.notNull ? "forbid" : "allow"} NULL in domain ${name}`,
        object: id,
        detail: "not-null",
        up: [sql(t.notNull)],
        down: [sql(f.notNull)],
        hazards: t.notNull ? [hazard("validation-scan", `every column of domain ${name} is scanned`), hazard("may-fail-on-data", `fails if a column of domain ${name} holds NULL`), domainLock(name)] : [],
        breaking: t.notNull ? [breaking("not-null-added", `columns of domain ${name} no longer accept NULL`)] : [],
        ...(t.notNull ? { long: true as const } : {}),
      }),
    );
  }
  const byName = (list: readonly DomainType["constraints"][number][]) => new Map(list.map((c) => [c.name, c]));
  const before = byName(f.constraints);
  const after = byName(t.constraints);
  const add = (c: DomainType["constraints"][number]): string[] => [`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}${c.notValid ? " NOT VALID" : ""};`];
  const drop = (c: DomainType["constraints"][number]): string[] => [`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(c.name)};`];
  // A constraint under another name with the same check: renamed in place.
  const renamedTo = new Map<string, string>();
  for (const [n, c] of before) {
    if (after.has(n)) continue;
    const twin = [...after.values()].find((x) => !before.has(x.name) && x.definition === c.definition && !!x.notValid === !!c.notValid && ![...renamedTo.values()].includes(x.name));
    if (twin) renamedTo.set(n, twin.name);
  }
  for (const [n, next] of renamedTo) {
    const sql = (a: string, b: string): string => `ALTER DOMAIN ${name} RENAME CONSTRAINT ${ident(a)} TO ${ident(b)};`;
    steps.push(alterStep({ why: `rename constraint ${n} of domain ${name} to ${next}`, object: objectId.constraint(t, next), detail: "constraint-name", up: [sql(n, next)], down: [sql(next, n)], drops: [objectId.constraint(t, n)] }));
  }
  for (const [n, c] of before) {
    if (renamedTo.has(n)) continue;
    const next = after.get(n);
    if (next && next.definition === c.definition && !!next.notValid === !!c.notValid) {
      steps.push(...commentStep(objectId.constraint(t, n), `CONSTRAINT ${ident(n)} ON DOMAIN ${name}`, c.comment, next.comment));
      continue;
    }
    if (next && next.definition === c.definition && c.notValid && !next.notValid) {
      steps.push(alterStep({ why: `validate constraint ${n} of domain ${name}`, object: objectId.constraint(t, n), detail: "validate", up: [`ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${ident(n)};`], down: [...drop(c), ...add(c)], hazards: [hazard("validation-scan", `columns of domain ${name} are scanned`), hazard("may-fail-on-data", `fails if a value breaks ${n}`), domainLock(name)], long: true }));
      continue;
    }
    steps.push(alterStep({ why: `drop constraint ${n} of domain ${name}`, object: objectId.constraint(t, n), detail: "constraint", up: drop(c), down: add(c), creates: [], drops: [objectId.constraint(t, n)] }));
  }
  for (const [n, c] of after) {
    const prev = before.get(n);
    if ([...renamedTo.values()].includes(n)) continue;
    if (prev && prev.definition === c.definition && (!!prev.notValid === !!c.notValid || (prev.notValid && !c.notValid))) continue;
    // The same check added back (made NOT VALID again) accepts what it accepted before.
    const again = prev !== undefined && prev.definition === c.definition;
    steps.push(
      alterStep({
        why: `add constraint ${n} to domain ${name}`,
        object: objectId.constraint(t, n),
        detail: "constraint",
        up: [...add(c), ...(c.comment ? [`COMMENT ON CONSTRAINT ${ident(n)} ON DOMAIN ${name} IS ${literal(c.comment)};`] : [])],
        down: drop(c),
        hazards: c.notValid ? [] : [hazard("validation-scan", `columns of domain ${name} are scanned`), hazard("may-fail-on-data", `fails if a value breaks ${n}`), domainLock(name)],
        breaking: again ? [] : [breaking("constraint-added", `domain ${name} accepts fewer values (${n})`)],
      }),
    );
  }
  return steps;
}

/** Checking a domain's columns holds SHARE on every table that uses it: writes wait (checked on PGlite 18). */
const domainLock = (name: string): ReturnType<typeof hazard> => hazard("long-lock", `tables with columns of domain ${name} are locked SHARE while they are checked: writes wait`);

/** Attribute changes carry CASCADE: a typed table (`CREATE TABLE … OF type`) follows its type. */
function compositeSteps(f: CompositeType, t: CompositeType, typedTables: readonly string[] = []): Step[] | undefined {
  const id = objectId.type(t);
  const name = qname(t);
  const before = new Map(f.attributes.map((a) => [a.name, a]));
  const after = new Map(t.attributes.map((a) => [a.name, a]));
  // Kept attributes must stay in order, new ones only at the end: that is what ADD ATTRIBUTE can do.
  const keptOrder = t.attributes.filter((a) => before.has(a.name)).map((a) => a.name);
  if (canonicalJson(keptOrder) !== canonicalJson(f.attributes.filter((a) => after.has(a.name)).map((a) => a.name))) return undefined;
  const firstNew = t.attributes.findIndex((a) => !before.has(a.name));
  if (firstNew >= 0 && t.attributes.slice(firstNew).some((a) => before.has(a.name))) return undefined;
  const attr = (a: CompositeType["attributes"][number]): string => `${ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ""}`;
  const steps: Step[] = [];
  for (const a of f.attributes) {
    const next = after.get(a.name);
    if (!next) {
      steps.push(alterStep({ why: `drop attribute ${a.name} of type ${name}`, object: id, detail: "attribute", up: [`ALTER TYPE ${name} DROP ATTRIBUTE ${ident(a.name)} CASCADE;`], down: [`ALTER TYPE ${name} ADD ATTRIBUTE ${attr(a)} CASCADE;`], breaking: [breaking("column-removed", `type ${name} loses attribute ${a.name}`)], hazards: [hazard("breaking-writers", `values of ${name} written with ${a.name} fail`), ...(typedTables.length ? [hazard("data-loss", `column ${a.name} of ${typedTables.join(", ")} is dropped with its values`)] : [])], ...(typedTables.length ? { lossy: `the values of column ${a.name} of ${typedTables.join(", ")}` } : {}) }));
    } else if (next.type !== a.type || next.collation !== a.collation) {
      const sql = (x: typeof a): string => `ALTER TYPE ${name} ALTER ATTRIBUTE ${ident(x.name)} SET DATA TYPE ${x.type}${x.collation ? ` COLLATE ${x.collation}` : ""} CASCADE;`;
      steps.push(alterStep({ why: `change type of attribute ${a.name} of ${name}`, object: id, detail: "attribute", up: [sql(next)], down: [sql(a)], breaking: [breaking("column-type-changed", `attribute ${a.name} of ${name} becomes ${next.type}`)], hazards: widening(a.type, next.type) || binaryCompatible(a.type, next.type) ? [] : [hazard("breaking-writers", `values of ${a.name} that ${next.type} rejects can no longer be written`)] }));
    }
  }
  for (const a of t.attributes) {
    if (!before.has(a.name)) steps.push(alterStep({ why: `add attribute ${a.name} to type ${name}`, object: id, detail: "attribute", up: [`ALTER TYPE ${name} ADD ATTRIBUTE ${attr(a)} CASCADE;`], down: [`ALTER TYPE ${name} DROP ATTRIBUTE ${ident(a.name)} CASCADE;`] }));
    const prev = before.get(a.name);
    steps.push(...commentStep(id, `COLUMN ${name}.${ident(a.name)}`, prev?.comment, a.comment));
  }
  return steps;
}

function kindSteps(f: TypeDefinition, t: TypeDefinition, ctx: PlanContext): Step[] | undefined {
  if (f.kind !== t.kind) return undefined;
  const strip = (x: TypeDefinition): object => ({ ...x, comment: undefined, owner: undefined, acl: undefined });
  if (canonicalJson(strip(f)) === canonicalJson(strip(t))) return [];
  if (f.kind === "enum") return enumSteps(f, t as EnumType);
  if (f.kind === "domain") return domainSteps(f, t as DomainType);
  if (f.kind === "composite") {
    const typedTables = ctx.from.tables.filter((x) => x.ofType && x.ofType.schema === f.schema && x.ofType.name === f.name).map(qname);
    return compositeSteps(f, t as CompositeType, typedTables);
  }
  return undefined;
}

export const typesKind: KindPlanner<"types"> = {
  alter: (fromEntry, toEntry, ctx): AlterResult => {
    const f = fromEntry.object;
    const t = toEntry.object;
    if (f.kind === "enum" && t.kind === "enum" && enumSteps(f, t) === undefined) {
      const rebuilt = enumRebuild(f, t, ctx);
      const id = toEntry.id;
      const name = qname(t);
      return {
        // The new type starts bare: its comment and privileges are stated again.
        steps: [...rebuilt.steps, ...commentStep(id, `TYPE ${name}`, undefined, t.comment), ...(ctx.options.privileges ? aclStep(id, "TYPE", name, { from: t.owner, to: t.owner }, undefined, t.acl) : [])],
        handles: rebuilt.handles,
      };
    }
    let steps = kindSteps(f, t, ctx);
    if (f.kind === "enum" && t.kind === "enum" && steps !== undefined && steps.some((s) => s.reverse.class === "irreversible")) {
      // PostgreSQL cannot drop an enum value: going back rebuilds the type with the old labels (the last value
      // added is undone first, so its reversal carries the whole rebuild; the earlier ones have nothing left).
      // With whatever depends on the type (functions of it, views over its columns) rebuilt around it.
      const labelsBack: Catalog = { ...ctx.to, types: ctx.to.types.map((x) => (x.schema === t.schema && x.name === t.name ? { ...t, labels: f.labels } : x)) };
      // Only then: the full re-plan reads the whole target, which the rest of a larger DOWN has already changed.
      const typeName = qname(t);
      const usedBeyondColumns =
        ctx.to.routines.some((r) => r.identityArguments.includes(typeName) || r.returns?.includes(typeName)) ||
        ctx.to.dependencies.some((d) => (d.from.startsWith("view:") || d.from.startsWith("materialized-view:")) && ctx.to.tables.some((x) => x.columns.some((c) => (c.type === typeName || c.type === `${typeName}[]`) && d.to === objectId.column(x, c.name))));
      const back = ctx.replan && usedBeyondColumns ? ctx.replan(ctx.to, labelsBack).flatMap((s) => s.sql) : enumRebuild(t, f, { ...ctx, from: ctx.to, to: ctx.from }).steps.flatMap((s) => s.sql);
      const last = steps.length - 1;
      steps = steps.map((s, i) => ({ ...s, reverse: { class: "reversible" as const, sql: i === last ? back : [] } }));
    }
    if (steps === undefined) return { recreate: `its ${f.kind === t.kind ? "definition" : "kind"} changes in a way ALTER TYPE cannot do` };
    const id = toEntry.id;
    const keyword = t.kind === "domain" ? "DOMAIN" : "TYPE";
    const name = qname(t);
    return {
      steps: [
        ...steps,
        ...commentStep(id, `${keyword} ${name}`, f.comment, t.comment),
        ...ownerStep(id, `ALTER ${keyword} ${name}`, f.owner, t.owner),
        ...(ctx.options.privileges ? aclStep(id, keyword, name, { from: f.owner, to: t.owner }, f.acl, t.acl) : []),
      ],
    };
  },
};

