import type { Collation } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { literal, qname } from "../ident.js";
import { ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

export function collationPieces(collations: readonly Collation[], ctx: DdlContext): DdlPiece[] {
  return collations.flatMap((c) => {
    const id = objectId.collation(c);
    const name = qname(c);
    const statements = [`CREATE COLLATION ${name} (${collationOptions(c).join(", ")});`];
    if (ctx.owners) statements.push(ownerStatement("COLLATION", name, c.owner));
    return [
      piece({ creates: [id], requires: [objectId.schema(c.schema)], statements, phase: "collation" }),
      ...commentPiece(id, `COLLATION ${name}`, c.comment),
    ];
  });
}

function collationOptions(c: Collation): string[] {
  const options = [`provider = ${c.provider}`];
  if (c.locale !== undefined) options.push(`locale = ${literal(c.locale)}`);
  if (c.lcCollate !== undefined) options.push(`lc_collate = ${literal(c.lcCollate)}`);
  if (c.lcCtype !== undefined) options.push(`lc_ctype = ${literal(c.lcCtype)}`);
  if (!c.deterministic) options.push("deterministic = false");
  if (c.rules !== undefined) options.push(`rules = ${literal(c.rules)}`);
  return options;
}
