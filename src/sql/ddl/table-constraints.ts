import type { ForeignKeyConstraint, Index, ObjectId, Table, TableConstraint } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { alterKeyword } from "./table-create.js";
import { findTable } from "./table-inheritance.js";
import { withClause } from "./table-options.js";
import { relationRequires } from "./table-refs.js";

/**
 * Constraints that are not part of `CREATE TABLE`: PRIMARY KEY, UNIQUE and EXCLUDE in phase `constraint` (they
 * create their index), FOREIGN KEYs in phase `foreign-key` (so tables referencing each other never form a cycle),
 * NOT VALID CHECKs and NOT NULLs (PostgreSQL validates anything `CREATE TABLE` declares). Validated CHECKs are
 * inline in the table unless a cycle moved them out (`checkPiece`).
 */
export function constraintPieces(table: Table, ctx: DdlContext): DdlPiece[] {
  const pieces: DdlPiece[] = [];
  for (const k of table.constraints) {
    if (k.kind === "check" && k.notValid) pieces.push(checkPiece(table, k, ctx, "constraint"));
    else if (k.kind === "primary-key" || k.kind === "unique" || k.kind === "exclude") pieces.push(indexConstraintPiece(table, k, ctx));
    else if (k.kind === "foreign-key") pieces.push(foreignKeyPiece(table, k, ctx));
    pieces.push(...commentPiece(objectId.constraint(table, k.name), `CONSTRAINT ${ident(k.name)} ON ${qname(table)}`, k.comment));
  }
  for (const c of table.columns) {
    const nn = c.notNullConstraint;
    if (nn?.notValid) {
      pieces.push(
        piece({
          creates: [],
          requires: [objectId.table(table), objectId.column(table, c.name)],
          statements: [
            `${alterKeyword(table)} ${nn.noInherit ? "ONLY " : ""}${qname(table)} ADD CONSTRAINT ${ident(nn.name)} NOT NULL ${ident(c.name)}${nn.noInherit ? " NO INHERIT" : ""} NOT VALID;`,
          ],
          phase: "constraint",
          key: objectId.column(table, c.name),
        }),
      );
    }
    if (nn?.comment !== undefined) {
      pieces.push(...commentPiece(objectId.column(table, c.name), `CONSTRAINT ${ident(nn.name)} ON ${qname(table)}`, nn.comment));
    }
  }
  return pieces;
}

/**
 * `ADD CONSTRAINT … CHECK`. Without ONLY unless NO INHERIT: an inheritable CHECK must reach the children (and
 * partitions) that exist by then, as it did in the source.
 */
export function checkPiece(table: Table, k: TableConstraint & { kind: "check" }, ctx: DdlContext, phase: "table" | "constraint"): DdlPiece {
  const id = objectId.constraint(table, k.name);
  return piece({
    creates: [id],
    requires: [objectId.table(table), ...relationRequires(ctx, [objectId.table(table)], k.definition)],
    statements: [`${alterKeyword(table)} ${k.noInherit ? "ONLY " : ""}${qname(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition};`],
    phase,
  });
}

/**
 * PRIMARY KEY / UNIQUE / EXCLUDE with ONLY, as pg_dump does: on a partitioned table that makes the parent's index
 * alone, and each partition's own constraint is attached to it afterwards (see `indexes.ts`). So every partition
 * must be attached first, or attaching one would build an index of its own.
 */
function indexConstraintPiece(table: Table, k: IndexConstraint, ctx: DdlContext): DdlPiece {
  const index = { schema: table.schema, name: k.index };
  const indexModel = ctx.catalog.indexes.find((i) => i.schema === index.schema && i.name === index.name);
  return piece({
    creates: [objectId.constraint(table, k.name), objectId.index(index)],
    requires: [
      objectId.table(table),
      ...partitionIds(table, ctx),
      ...relationRequires(ctx, [objectId.table(table)], k.definition),
    ],
    statements: [`${alterKeyword(table)} ONLY ${qname(table)} ADD CONSTRAINT ${ident(k.name)} ${withIndexParameters(k, indexModel)};`],
    phase: "constraint",
  });
}

type IndexConstraint = TableConstraint & { kind: "primary-key" | "unique" | "exclude" };

/**
 * `pg_get_constraintdef` leaves out the index's tablespace and, but for EXCLUDE, its storage parameters (pg_dump
 * adds them itself): they go after the columns and INCLUDE, before an EXCLUDE's WHERE and the DEFERRABLE clauses.
 */
export function withIndexParameters(k: IndexConstraint, index: Index | undefined): string {
  const parameters =
    (k.kind === "exclude" ? "" : withClause(index?.storageParameters)) +
    (index?.tablespace ? ` USING INDEX TABLESPACE ${ident(index.tablespace)}` : "");
  if (parameters === "") return k.definition;
  let head = k.definition;
  let tail = "";
  const cut = (suffix: string): void => {
    if (head.endsWith(suffix)) {
      head = head.slice(0, -suffix.length);
      tail = suffix + tail;
    }
  };
  if (k.initiallyDeferred) cut(" INITIALLY DEFERRED");
  if (k.deferrable) cut(" DEFERRABLE");
  if (k.kind === "exclude" && index?.predicate) cut(` WHERE (${index.predicate})`);
  return head + parameters + tail;
}

/** The partitions of a partitioned table, which its indexes and index-backed constraints must wait for. */
export function partitionIds(table: { readonly schema: string; readonly name: string }, ctx: DdlContext): ObjectId[] {
  return ctx.catalog.tables
    .filter((t) => t.partitionOf?.parent.schema === table.schema && t.partitionOf.parent.name === table.name)
    .map((t) => objectId.table(t));
}

/**
 * A FOREIGN KEY needs the referenced table's unique constraint or index on the referenced columns. On a partitioned
 * table it is added without ONLY (PostgreSQL refuses ONLY there) and reaches the partitions by itself.
 */
function foreignKeyPiece(table: Table, k: ForeignKeyConstraint, ctx: DdlContext): DdlPiece {
  const only = table.partitioning ? "" : "ONLY ";
  return piece({
    creates: [objectId.constraint(table, k.name)],
    requires: [
      objectId.table(table),
      objectId.table(k.references.table),
      ...referencedKeyIds(k, ctx),
      ...relationRequires(ctx, [objectId.table(table)], k.definition),
    ],
    statements: [`${alterKeyword(table)} ${only}${qname(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition};`],
    phase: "foreign-key",
  });
}

function referencedKeyIds(k: ForeignKeyConstraint, ctx: DdlContext): ObjectId[] {
  const target = k.references.table;
  const columns = [...k.references.columns].sort().join("\u0000");
  const sameColumns = (list: readonly (string | undefined)[]): boolean => [...list].sort().join("\u0000") === columns;
  const ids: ObjectId[] = [];
  const referenced = findTable(ctx.catalog, target);
  for (const c of referenced?.constraints ?? []) {
    if ((c.kind === "primary-key" || c.kind === "unique") && sameColumns(c.columns)) ids.push(objectId.constraint(target, c.name));
  }
  for (const i of ctx.catalog.indexes) {
    if (i.table.schema === target.schema && i.table.name === target.name && i.unique && !i.predicate && sameColumns(i.keys.map((key) => key.column))) {
      ids.push(objectId.index(i));
    }
  }
  return ids;
}
