import type { CompositeType, DomainConstraint, DomainType, EnumType, ObjectId, QualifiedName, RangeType, TypeDefinition } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG, isOid } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, textOf } from "./context.js";
import { NAME_BYTES, clipBytes, defaultMultirangeName, functionSignatureRef, qualifiedRef } from "./type-names.js";

export async function readTypes(ctx: ReadContext): Promise<TypeDefinition[]> {
  const [enums, domains, composites, ranges] = await Promise.all([
    ctx.rows("enums"),
    ctx.rows("domains"),
    ctx.rows("composites"),
    ctx.rows("ranges"),
  ]);
  const read = <T extends TypeDefinition>(rows: Row[], build: (r: Row) => T): T[] =>
    rows.map((r) => {
      const type = build(r);
      registerType(ctx, r, objectId.type(type));
      return type;
    });
  return [...read(enums, enumType), ...read(domains, domainType), ...read(composites, compositeType), ...read(ranges, rangeType)];
}

/**
 * What pg_depend may name for a type: the type, its array, a range's multirange (an array of the multirange is the
 * multirange, which the model does not know), a composite type's pg_class row and columns, a domain's constraints
 * and its NOT NULL (PostgreSQL 17+: a constraint of the domain, which the model folds into the domain).
 */
function registerType(ctx: ReadContext, r: Row, id: ObjectId): void {
  ctx.register(CATALOG.type, r.oid, id);
  if (isOid(r.array_type)) ctx.register(CATALOG.type, r.array_type, id);
  if (isOid(r.multirange_type)) ctx.register(CATALOG.type, r.multirange_type, id);
  if (isOid(r.relation_oid)) ctx.register(CATALOG.class, r.relation_oid, id);
  const notNull = jsonOf<{ oid: number }>(r.not_null_constraint);
  if (notNull !== undefined) ctx.register(CATALOG.constraint, notNull.oid, id);
  const domain = { schema: String(r.schema), name: String(r.name) };
  for (const c of jsonOf<{ oid: number; name: string }[]>(r.constraints) ?? []) {
    ctx.register(CATALOG.constraint, c.oid, objectId.constraint(domain, c.name));
  }
}

type Row = Record<string, unknown>;

function owned(r: Row): { schema: string; name: string; owner: string; comment?: string; acl?: EnumType["acl"] } {
  const owner = String(r.owner);
  return { schema: String(r.schema), name: String(r.name), owner, comment: textOf(r.comment), acl: aclFrom(r.acl, r.acl_default, owner) };
}

function enumType(r: Row): EnumType {
  return defined<EnumType>({ kind: "enum", ...owned(r), labels: jsonOf<string[]>(r.labels) ?? [] });
}

interface ConstraintRow {
  name: string;
  definition: string;
  validated: boolean;
  comment: string | null;
}

function domainType(r: Row): DomainType {
  const name = String(r.name);
  const notNull = jsonOf<{ name: string; comment: string | null }>(r.not_null_constraint);
  const namedNotNull =
    notNull && (notNull.name !== defaultConstraintName(name, "not_null") || notNull.comment !== null)
      ? defined({ name: notNull.name, comment: notNull.comment ?? undefined })
      : undefined;
  return defined<DomainType>({
    kind: "domain",
    ...owned(r),
    baseType: String(r.base_type),
    collation: qualifiedRef(r.collation),
    default: textOf(r.default_value),
    notNull: Boolean(r.not_null),
    notNullConstraint: namedNotNull,
    constraints: (jsonOf<ConstraintRow[]>(r.constraints) ?? []).map(domainConstraint),
  });
}

function domainConstraint(c: ConstraintRow): DomainConstraint {
  // pg_get_constraintdef appends " NOT VALID"; the model keeps that apart.
  const definition = !c.validated && c.definition.endsWith(" NOT VALID") ? c.definition.slice(0, -" NOT VALID".length) : c.definition;
  return defined<DomainConstraint>({
    name: c.name,
    definition,
    notValid: c.validated ? undefined : true,
    comment: c.comment ?? undefined,
  });
}

interface AttributeRow {
  name: string;
  type: string;
  collation: [string, string] | null;
  comment: string | null;
}

function compositeType(r: Row): CompositeType {
  const attributes = (jsonOf<AttributeRow[]>(r.attributes) ?? []).map((a) =>
    defined({
      name: a.name,
      type: a.type,
      collation: qualifiedRef(a.collation),
      comment: a.comment ?? undefined,
    }),
  );
  return defined<CompositeType>({ kind: "composite", ...owned(r), attributes });
}

function rangeType(r: Row): RangeType {
  const base = owned(r);
  const multirange = jsonOf<[string, string]>(r.multirange);
  const derived = multirange && multirange[0] === base.schema && multirange[1] === defaultMultirangeName(base.name);
  return defined<RangeType>({
    kind: "range",
    ...base,
    subtype: String(r.subtype),
    subtypeOpclass: qualifiedRef(r.opclass),
    collation: qualifiedRef(r.collation),
    canonical: functionSignatureRef(r.canonical),
    subtypeDiff: functionSignatureRef(r.subtype_diff),
    multirange: multirange && !derived ? ({ schema: multirange[0], name: multirange[1] } satisfies QualifiedName) : undefined,
  });
}

/** `makeObjectName(name, NULL, label)`: what PostgreSQL names a constraint nobody named. */
function defaultConstraintName(name: string, label: string): string {
  return `${clipBytes(name, NAME_BYTES - label.length - 1)}_${label}`;
}
