import type { Column, ObjectId, Table } from "../../catalog/model.js";
import { kindOf, objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { identitySequence } from "./table-columns.js";
import { checkPiece, constraintPieces } from "./table-constraints.js";
import { type Deferred, NOTHING_DEFERRED, alterKeyword, createTable } from "./table-create.js";
import { privilegePiece } from "./table-privileges.js";
import { relationRequires } from "./table-refs.js";

export function tablePieces(tables: readonly Table[], ctx: DdlContext): DdlPiece[] {
  return tables.flatMap((t) => {
    const id = objectId.table(t);
    const name = qname(t);
    return [
      tablePiece(t, ctx),
      ...constraintPieces(t, ctx),
      ...replicaIdentityPiece(t),
      ...commentPiece(id, `${t.foreign ? "FOREIGN TABLE" : "TABLE"} ${name}`, t.comment),
      ...t.columns.flatMap((c) => commentPiece(objectId.column(t, c.name), `COLUMN ${name}.${ident(c.name)}`, c.comment)),
      ...(ctx.privileges ? privilegePiece(id, name, t) : []),
    ];
  });
}

/**
 * The whole table in one piece. When it sits on a dependency cycle (a default or CHECK calls a function whose body
 * reads the table, or takes its row type), it splits: the table without those defaults and CHECKs, then one
 * `ALTER TABLE` piece for each, which the function can precede.
 */
function tablePiece(table: Table, ctx: DdlContext): DdlPiece {
  const whole = createPiece(table, ctx, NOTHING_DEFERRED);
  return { ...whole, split: () => splitPieces(table, ctx) };
}

function createPiece(table: Table, ctx: DdlContext, deferred: Deferred): DdlPiece {
  const { statements, requires } = createTable(table, ctx, deferred);
  const inlineChecks = table.constraints.filter((k) => k.kind === "check" && !k.notValid && !deferred.checks.has(k.name));
  return piece({
    creates: [
      objectId.table(table),
      ...table.columns.filter((c) => !deferred.defaults.has(c.name)).map((c) => objectId.column(table, c.name)),
      ...inlineChecks.map((k) => objectId.constraint(table, k.name)),
      ...table.columns.flatMap((c) => {
        const s = identitySequence(table, c);
        return s ? [objectId.sequence(s)] : [];
      }),
    ],
    requires,
    statements,
    phase: "table",
  });
}

function splitPieces(table: Table, ctx: DdlContext): DdlPiece[] {
  const deferred = deferrable(table, ctx);
  const name = qname(table);
  return [
    createPiece(table, ctx, deferred),
    ...table.columns
      .filter((c) => deferred.defaults.has(c.name))
      .map((c) =>
        piece({
          // No piece creates the column's id after a split: the catalog gives it the needs of its default (the
          // function) while the function may need the column (its body reads it), and no order satisfies both. The
          // table's piece and the texts' own references order the table, the function and this default.
          creates: [],
          requires: [objectId.table(table), ...relationRequires(ctx, [objectId.table(table)], c.default)],
          statements: [`${alterKeyword(table)} ONLY ${name} ALTER COLUMN ${ident(c.name)} SET DEFAULT ${c.default};`],
          phase: "table",
        }),
      ),
    ...table.constraints.flatMap((k) =>
      k.kind === "check" && deferred.checks.has(k.name) ? [checkPiece(table, k, ctx, "table")] : [],
    ),
  ];
}

/** Kinds a default or CHECK may need that never need the table back: leaving them inline cannot close a cycle. */
const HARMLESS: ReadonlySet<string> = new Set(["sequence", "type", "collation", "extension", "schema"]);

/**
 * The defaults and validated CHECKs that need a function or relation (from the catalog's edges and from their
 * text). Should none, every default and CHECK moves out: whatever closes the cycle is among them.
 */
function deferrable(table: Table, ctx: DdlContext): Deferred {
  const self = new Set<ObjectId>([objectId.table(table), ...table.columns.map((c) => objectId.column(table, c.name))]);
  const edges = new Map<ObjectId, ObjectId[]>();
  for (const d of ctx.catalog.dependencies) edges.set(d.from, [...(edges.get(d.from) ?? []), d.to]);
  const risky = (from: ObjectId, text: string | undefined): boolean =>
    [...(edges.get(from) ?? []), ...relationRequires(ctx, [...self], text)].some((to) => !self.has(to) && !HARMLESS.has(kindOf(to)));

  const withDefault = table.columns.filter((c): c is Column & { default: string } => c.default !== undefined);
  const checks = table.constraints.filter((k) => k.kind === "check" && !k.notValid);
  const defaults = withDefault.filter((c) => risky(objectId.column(table, c.name), c.default)).map((c) => c.name);
  const checkNames = checks.filter((k) => risky(objectId.constraint(table, k.name), k.definition)).map((k) => k.name);
  if (defaults.length + checkNames.length === 0) {
    return { defaults: new Set(withDefault.map((c) => c.name)), checks: new Set(checks.map((k) => k.name)) };
  }
  return { defaults: new Set(defaults), checks: new Set(checkNames) };
}

/** `REPLICA IDENTITY USING INDEX` once the index exists. */
function replicaIdentityPiece(table: Table): DdlPiece[] {
  const identity = table.replicaIdentity;
  if (typeof identity !== "object") return [];
  const index = { schema: table.schema, name: identity.index };
  return [
    piece({
      creates: [],
      requires: [objectId.table(table), objectId.index(index)],
      statements: [`${alterKeyword(table)} ONLY ${qname(table)} REPLICA IDENTITY USING INDEX ${ident(identity.index)};`],
      phase: "index",
      key: objectId.table(table),
    }),
  ];
}
