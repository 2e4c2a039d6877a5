import type { Column, Grant, ObjectId, RelationColumn } from "../../catalog/model.js";
import { qualified } from "../ident.js";
import { aclStatements } from "./acl.js";
import { type DdlPiece, piece } from "./piece.js";

/**
 * Table and column privileges in one piece, the table's first: its `REVOKE ALL` would also take back the column
 * grants. Then those of identity sequences. Views and materialized views use it too.
 */
export function privilegePiece(
  id: ObjectId,
  name: string,
  relation: {
    readonly schema: string;
    readonly owner: string;
    readonly acl?: readonly Grant[];
    readonly columns: readonly (RelationColumn | Column)[];
  },
): DdlPiece[] {
  const statements = [
    ...aclStatements("TABLE", name, relation.owner, relation.acl),
    ...relation.columns.flatMap((c) => aclStatements("TABLE", name, relation.owner, c.acl, c.name)),
    ...relation.columns.flatMap((c) =>
      "identity" in c && c.identity?.acl ? aclStatements("SEQUENCE", qualified(relation.schema, c.identity.sequenceName), relation.owner, c.identity.acl) : [],
    ),
  ];
  return statements.length === 0 ? [] : [piece({ creates: [], requires: [id], statements, phase: "privilege", key: id })];
}
