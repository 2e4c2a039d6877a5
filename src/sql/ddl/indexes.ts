import type { Index, ObjectId, QualifiedName } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { partitionIds, withIndexParameters } from "./table-constraints.js";
import { findTable } from "./table-inheritance.js";
import { relationRequires } from "./table-refs.js";

/**
 * Indexes as `pg_get_indexdef` prints them, pg_dump's way for partitioned tables: the parent's index `ON ONLY` the
 * parent, each partition's index on its own, then `ALTER INDEX … ATTACH PARTITION`. An index that implements a
 * table's constraint is created by the constraint (see `table-constraints.ts`); here it gets only what the
 * constraint cannot say. An invalid index (a failed concurrent build) is not recreated, as pg_dump does not.
 */
export function indexPieces(indexes: readonly Index[], ctx: DdlContext): DdlPiece[] {
  return indexes.flatMap((i) => {
    if (i.invalid && !isPartitioned(i.table, ctx)) return [];
    const id = objectId.index(i);
    const name = qname(i);
    return [
      ...createPieces(i, ctx),
      ...statisticsPiece(i),
      ...(i.tablespace ? [afterIndex(i, `ALTER INDEX ${name} SET TABLESPACE ${ident(i.tablespace)};`)] : []),
      ...(i.partitionOf
        ? [
            piece({
              creates: [],
              requires: [id, objectId.index(i.partitionOf)],
              statements: [`ALTER INDEX ${qname(i.partitionOf)} ATTACH PARTITION ${name};`],
              phase: "attach",
              key: id,
            }),
          ]
        : []),
      ...(i.clustered ? [afterIndex(i, `${alterRelation(i.table, ctx)} ${qname(i.table)} CLUSTER ON ${ident(i.name)};`)] : []),
      ...commentPiece(id, `INDEX ${name}`, i.comment),
    ];
  });
}

function createPieces(i: Index, ctx: DdlContext): DdlPiece[] {
  const table = findTable(ctx.catalog, i.table);
  const relation = relationId(i.table, ctx);
  // A constraint the table declares creates its own index; a partition's index may be created with its parent's.
  if (i.constraint !== undefined && table?.constraints.some((k) => k.name === i.constraint)) return [];
  if (createdWithParent(i, ctx)) return [];
  const children = createdWithIndex(i, ctx);
  let statements: string[];
  if (i.constraint !== undefined) {
    const clone = clonedConstraintStatement(i, ctx);
    if (clone === undefined) return [];
    statements = [clone];
  } else if (children.length > 0) {
    statements = [...children.map((x) => `${x.definition};`), `${i.definition.replace(ON_ONLY, "$1")};`];
  } else {
    statements = [`${i.definition};`];
  }
  return [
    piece({
      creates: [
        objectId.index(i),
        ...children.map((x) => objectId.index(x)),
        ...(i.constraint === undefined ? [] : [objectId.constraint(i.table, i.constraint)]),
      ],
      requires: [
        relation,
        ...partitionIds(i.table, ctx),
        ...[i, ...children].flatMap((x) => relationRequires(ctx, [relationId(x.table, ctx)], x.definition)),
        ...children.map((x) => objectId.table(x.table)),
      ],
      statements,
      phase: i.constraint === undefined ? "index" : "constraint",
    }),
  ];
}

const ON_ONLY = /^(CREATE (?:UNIQUE )?INDEX (?:"(?:[^"]|"")*"|\S+) ON )ONLY /;

/**
 * A foreign table partition has no index, so an index `ON ONLY` its parent would stay invalid whatever is attached.
 * A valid one is created on the whole table instead, right after its partitions' indexes (in the same piece: each
 * of those needs its parent in the catalog's graph), and PostgreSQL attaches those and passes over the foreign
 * tables. Only when no partition is itself partitioned; otherwise the pg_dump way leaves it invalid.
 */
function createdWithIndex(i: Index, ctx: DdlContext): Index[] {
  if (i.invalid || i.constraint !== undefined) return [];
  const partitions = ctx.catalog.tables.filter((t) => t.partitionOf?.parent.schema === i.table.schema && t.partitionOf.parent.name === i.table.name);
  if (!partitions.some((t) => t.foreign) || partitions.some((t) => t.partitioning)) return [];
  return ctx.catalog.indexes.filter((x) => x.partitionOf?.schema === i.schema && x.partitionOf.name === i.name);
}

function createdWithParent(i: Index, ctx: DdlContext): boolean {
  const parent = i.partitionOf && ctx.catalog.indexes.find((x) => x.schema === i.partitionOf!.schema && x.name === i.partitionOf!.name);
  return parent !== undefined && createdWithIndex(parent, ctx).includes(i);
}

/**
 * A partition's copy of its parent's PRIMARY KEY, UNIQUE or EXCLUDE constraint: the table's model leaves such
 * copies out, so the definition is the one of the constraint up the chain of parent indexes.
 */
function clonedConstraintStatement(i: Index, ctx: DdlContext): string | undefined {
  for (let current: Index | undefined = i; current?.partitionOf; ) {
    const parentIndex = ctx.catalog.indexes.find((x) => x.schema === current!.partitionOf!.schema && x.name === current!.partitionOf!.name);
    const parentTable = parentIndex && findTable(ctx.catalog, parentIndex.table);
    const declared = parentTable?.constraints.find((k) => k.name === parentIndex!.constraint);
    if (declared && declared.kind !== "check" && declared.kind !== "foreign-key") {
      return `ALTER TABLE ONLY ${qname(i.table)} ADD CONSTRAINT ${ident(i.constraint!)} ${withIndexParameters(declared, i)};`;
    }
    current = parentIndex;
  }
  return undefined;
}

/** `ALTER INDEX … ALTER COLUMN n SET STATISTICS v` for each key that has a target. */
function statisticsPiece(i: Index): DdlPiece[] {
  const settings = i.keys.flatMap((k, n) => (k.statistics === undefined ? [] : [`ALTER COLUMN ${n + 1} SET STATISTICS ${k.statistics}`]));
  return settings.length === 0 ? [] : [afterIndex(i, `ALTER INDEX ${qname(i)} ${settings.join(", ")};`)];
}

function afterIndex(i: Index, statement: string): DdlPiece {
  const id = objectId.index(i);
  return piece({ creates: [], requires: [id], statements: [statement], phase: "index", key: id });
}

function isPartitioned(table: QualifiedName, ctx: DdlContext): boolean {
  return findTable(ctx.catalog, table)?.partitioning !== undefined;
}

function isMaterializedView(q: QualifiedName, ctx: DdlContext): boolean {
  return ctx.catalog.materializedViews.some((m) => m.schema === q.schema && m.name === q.name);
}

function relationId(q: QualifiedName, ctx: DdlContext): ObjectId {
  return isMaterializedView(q, ctx) ? objectId.materializedView(q) : objectId.table(q);
}

function alterRelation(q: QualifiedName, ctx: DdlContext): string {
  return isMaterializedView(q, ctx) ? "ALTER MATERIALIZED VIEW" : "ALTER TABLE";
}
