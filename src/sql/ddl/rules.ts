import type { Rule } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { ENABLE, relationOf } from "./triggers.js";

export function rulePieces(rules: readonly Rule[], ctx: DdlContext): DdlPiece[] {
  return rules.flatMap((r) => {
    const id = objectId.rule(r.table, r.name);
    const relation = relationOf(ctx.catalog, r.table);
    // `pg_get_ruledef` prints the whole statement, ending in `;`. What the actions touch comes from the catalog graph.
    const statements = [r.definition.trimEnd()];
    // Only tables can switch rules off (PostgreSQL refuses it on views), so a view's rule is always enabled.
    if (r.enabled !== undefined) statements.push(`ALTER ${relation.keyword} ${qname(r.table)} ${ENABLE[r.enabled]} RULE ${ident(r.name)};`);
    return [
      piece({ creates: [id], requires: [relation.id], statements, phase: "rule" }),
      ...commentPiece(id, `RULE ${ident(r.name)} ON ${qname(r.table)}`, r.comment),
    ];
  });
}
