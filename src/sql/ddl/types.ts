import type { CompositeType, DomainConstraint, DomainType, EnumType, ObjectId, RangeType, TypeDefinition } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal, qname } from "../ident.js";
import { aclPiece, ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { functionNameOf, referencedIds, routineIdsNamed, shellTypeMark } from "./type-refs.js";

export function typePieces(types: readonly TypeDefinition[], ctx: DdlContext): DdlPiece[] {
  return types.flatMap((t) => {
    const keyword = t.kind === "domain" ? "DOMAIN" : "TYPE";
    return [
      ...definitionPieces(t, ctx),
      ...commentPieces(t),
      ...(ctx.privileges ? aclPiece(objectId.type(t), keyword, qname(t), t.owner, t.acl) : []),
    ];
  });
}

/** Comments on the type, a composite's attributes and a domain's constraints. */
function commentPieces(t: TypeDefinition): DdlPiece[] {
  const id = objectId.type(t);
  const name = qname(t);
  const pieces = commentPiece(id, `${t.kind === "domain" ? "DOMAIN" : "TYPE"} ${name}`, t.comment);
  if (t.kind === "composite") {
    pieces.push(...t.attributes.flatMap((a) => commentPiece(id, `COLUMN ${name}.${ident(a.name)}`, a.comment)));
  }
  if (t.kind === "domain") {
    const notNull = t.notNullConstraint;
    if (notNull) pieces.push(...commentPiece(id, `CONSTRAINT ${ident(notNull.name)} ON DOMAIN ${name}`, notNull.comment));
    for (const k of t.constraints) {
      pieces.push(...commentPiece(objectId.constraint(t, k.name), `CONSTRAINT ${ident(k.name)} ON DOMAIN ${name}`, k.comment));
    }
  }
  return pieces;
}

function definitionPieces(t: TypeDefinition, ctx: DdlContext): DdlPiece[] {
  switch (t.kind) {
    case "enum":
      return [typePiece(t, ctx, [enumStatement(t)], [])];
    case "composite":
      return [typePiece(t, ctx, [compositeStatement(t)], referencedIds(ctx, ...t.attributes.flatMap((a) => [a.type, a.collation])))];
    case "domain":
      return [domainPiece(t, ctx)];
    case "range":
      return [rangePiece(t, ctx)];
  }
}

function typePiece(t: TypeDefinition, ctx: DdlContext, statements: string[], requires: ObjectId[], creates: ObjectId[] = []): DdlPiece {
  const id = objectId.type(t);
  const owner = ctx.owners ? [ownerStatement(t.kind === "domain" ? "DOMAIN" : "TYPE", qname(t), t.owner)] : [];
  return piece({
    creates: [id, ...creates],
    requires: [objectId.schema(t.schema), ...requires.filter((r) => r !== id)],
    statements: [...statements, ...owner],
    phase: "type",
  });
}

function enumStatement(t: EnumType): string {
  return `CREATE TYPE ${qname(t)} AS ENUM (${t.labels.map(literal).join(", ")});`;
}

function compositeStatement(t: CompositeType): string {
  if (t.attributes.length === 0) return `CREATE TYPE ${qname(t)} AS ();`;
  const attributes = t.attributes.map((a) => `    ${ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ""}`);
  return `CREATE TYPE ${qname(t)} AS (\n${attributes.join(",\n")}\n);`;
}

/**
 * A domain with its CHECK constraints. A check may call a function that takes the domain (a cycle): then the piece
 * splits into the bare domain and one `ALTER DOMAIN … ADD CONSTRAINT` per check, as pg_dump does.
 */
function domainPiece(t: DomainType, ctx: DdlContext): DdlPiece {
  const baseRequires = referencedIds(ctx, t.baseType, t.collation, t.default);
  const inline = t.constraints.filter((k) => !k.notValid);
  const separate = t.constraints.filter((k) => k.notValid);
  const whole = typePiece(
    t,
    ctx,
    [domainStatement(t, inline), ...separate.map((k) => addConstraintStatement(t, k))],
    [...baseRequires, ...referencedIds(ctx, ...t.constraints.map((k) => k.definition))],
    t.constraints.map((k) => objectId.constraint(t, k.name)),
  );
  if (t.constraints.length === 0) return whole;
  return {
    ...whole,
    split: () => [
      typePiece(t, ctx, [domainStatement(t, [])], baseRequires),
      ...t.constraints.map((k) =>
        piece({
          creates: [objectId.constraint(t, k.name)],
          requires: [objectId.type(t), ...referencedIds(ctx, k.definition)],
          statements: [addConstraintStatement(t, k)],
          phase: "constraint",
        }),
      ),
    ],
  };
}

function domainStatement(t: DomainType, checks: readonly DomainConstraint[]): string {
  const parts = [`CREATE DOMAIN ${qname(t)} AS ${t.baseType}`];
  if (t.collation !== undefined) parts.push(`COLLATE ${t.collation}`);
  if (t.default !== undefined) parts.push(`DEFAULT ${t.default}`);
  if (t.notNull) parts.push(t.notNullConstraint ? `CONSTRAINT ${ident(t.notNullConstraint.name)} NOT NULL` : "NOT NULL");
  for (const k of checks) parts.push(`CONSTRAINT ${ident(k.name)} ${k.definition}`);
  return `${parts.join("\n    ")};`;
}

function addConstraintStatement(t: DomainType, k: DomainConstraint): string {
  return `ALTER DOMAIN ${qname(t)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}${k.notValid ? " NOT VALID" : ""};`;
}

/**
 * A range type. Its canonical function takes the range itself, so that function's piece creates the shell type
 * first (`CREATE TYPE name;`, see routines.ts) and this statement completes it, as pg_dump does.
 */
function rangePiece(t: RangeType, ctx: DdlContext): DdlPiece {
  const functions = [...routineIdsNamed(ctx, t.canonical), ...routineIdsNamed(ctx, t.subtypeDiff)];
  const shell = t.canonical === undefined ? [] : [shellTypeMark(objectId.type(t))];
  return typePiece(t, ctx, [rangeStatement(t)], [...referencedIds(ctx, t.subtype, t.collation), ...functions, ...shell]);
}

function rangeStatement(t: RangeType): string {
  const options = [`subtype = ${t.subtype}`];
  if (t.subtypeOpclass !== undefined) options.push(`subtype_opclass = ${t.subtypeOpclass}`);
  if (t.collation !== undefined) options.push(`collation = ${t.collation}`);
  if (t.canonical !== undefined) options.push(`canonical = ${functionNameOf(t.canonical)}`);
  if (t.subtypeDiff !== undefined) options.push(`subtype_diff = ${functionNameOf(t.subtypeDiff)}`);
  if (t.multirange !== undefined) options.push(`multirange_type_name = ${qname(t.multirange)}`);
  return `CREATE TYPE ${qname(t)} AS RANGE (\n    ${options.join(",\n    ")}\n);`;
}
