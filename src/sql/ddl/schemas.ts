import type { Schema } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal } from "../ident.js";
import { aclPiece, aclStatements, ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

export function schemaPieces(schemas: readonly Schema[], ctx: DdlContext): DdlPiece[] {
  return schemas.flatMap((s) => {
    const id = objectId.schema(s.name);
    const name = ident(s.name);
    // Every new database already has `public`; creating it again would fail.
    const create = s.name === "public" ? `CREATE SCHEMA IF NOT EXISTS ${name};` : `CREATE SCHEMA ${name};`;
    const statements = [create];
    if (ctx.owners) statements.push(ownerStatement("SCHEMA", name, s.owner));
    if (s.name !== "public") {
      return [
        piece({ creates: [id], statements, phase: "schema" }),
        ...commentPiece(id, `SCHEMA ${name}`, s.comment),
        ...(ctx.privileges ? aclPiece(id, "SCHEMA", name, s.owner, s.acl) : []),
      ];
    }
    // `public` pre-exists with a comment and grants of its own: state both outright, even when the model has none.
    statements.push(`COMMENT ON SCHEMA ${name} IS ${s.comment === undefined ? "NULL" : literal(s.comment)};`);
    if (ctx.privileges) {
      const acl = s.acl ?? [
        { grantee: s.owner, privilege: "USAGE", grantable: false },
        { grantee: s.owner, privilege: "CREATE", grantable: false },
      ];
      statements.push(...aclStatements("SCHEMA", name, s.owner, acl));
    }
    return [piece({ creates: [id], statements, phase: "schema" })];
  });
}
