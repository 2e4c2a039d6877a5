import type { Policy } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname, role } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

export function policyPieces(policies: readonly Policy[], _ctx: DdlContext): DdlPiece[] {
  return policies.flatMap((p) => {
    const id = objectId.policy(p.table, p.name);
    const clauses = [
      `CREATE POLICY ${ident(p.name)} ON ${qname(p.table)}`,
      p.permissive ? "" : " AS RESTRICTIVE",
      ` FOR ${p.command.toUpperCase()}`,
      ` TO ${p.roles.map(role).join(", ")}`,
      p.using === undefined ? "" : ` USING (${p.using})`,
      p.withCheck === undefined ? "" : ` WITH CHECK (${p.withCheck})`,
    ];
    return [
      piece({ creates: [id], requires: [objectId.table(p.table)], statements: [`${clauses.join("")};`], phase: "policy" }),
      ...commentPiece(id, `POLICY ${ident(p.name)} ON ${qname(p.table)}`, p.comment),
    ];
  });
}
