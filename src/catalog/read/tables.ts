import type { QualifiedName, Table } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, jsonOf, registerRelation, textOf } from "./context.js";
import { readTableColumns, sortedList } from "./table-columns.js";
import { readTableConstraints } from "./table-constraints.js";

export async function readTables(ctx: ReadContext): Promise<Table[]> {
  const [rows, columns, constraints] = await Promise.all([
    ctx.rows("tables"),
    readTableColumns(ctx),
    readTableConstraints(ctx),
  ]);
  return rows.map((r) => {
    const owner = String(r.owner);
    const key = `${String(r.schema)}\u0000${String(r.name)}`;
    const parent = qualifiedName(r.partition_parent);
    const server = textOf(r.foreign_server);
    const q = { schema: String(r.schema), name: String(r.name) };
    registerRelation(ctx, r, objectId.table(q), 0);
    return defined<Table>({
      ...q,
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      unlogged: r.unlogged === true ? true : undefined,
      columns: columns.get(key) ?? [],
      constraints: constraints.get(key) ?? [],
      partitioning: r.kind === "p" ? { strategy: STRATEGY[String(r.partition_strategy)]!, key: String(r.partition_key) } : undefined,
      partitionOf: parent ? { parent, bound: String(r.partition_bound) } : undefined,
      inherits: jsonOf<[string, string][]>(r.inherits)?.map(([schema, name]) => ({ schema, name })),
      // A foreign table is created with NOTHING, and nothing can change that.
      replicaIdentity: r.kind === "f" ? undefined : replicaIdentityOf(r.replica_identity, r.replica_identity_index),
      storageParameters: storageParameters(r.reloptions, r.toast_reloptions),
      accessMethod: textOf(r.access_method),
      tablespace: textOf(r.tablespace),
      rowLevelSecurity: r.row_level_security === true ? true : undefined,
      forceRowLevelSecurity: r.force_row_level_security === true ? true : undefined,
      foreign: server === undefined ? undefined : defined({ server, options: sortedList(r.foreign_options) }),
      ofType: qualifiedName(r.of_type),
    });
  });
}

const STRATEGY: Record<string, "range" | "list" | "hash"> = { r: "range", l: "list", h: "hash" };

function qualifiedName(value: unknown): QualifiedName | undefined {
  const pair = jsonOf<[string, string]>(value);
  return pair && { schema: pair[0], name: pair[1] };
}

function replicaIdentityOf(kind: unknown, index: unknown): Table["replicaIdentity"] {
  if (kind === "f") return "full";
  if (kind === "i" && index !== null && index !== undefined) return { index: String(index) };
  // `USING INDEX` whose index was dropped since: PostgreSQL then logs no old row at all, as for NOTHING.
  if (kind === "n" || kind === "i") return "nothing";
  return undefined;
}

/** The relation's `reloptions` and its TOAST table's as `toast.x`, sorted. */
export function storageParameters(own: unknown, toast: unknown): string[] | undefined {
  const list = [...(sortedList(own) ?? []), ...(sortedList(toast) ?? []).map((o) => `toast.${o}`)];
  return list.length === 0 ? undefined : list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
