import type { ForeignServer } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal } from "../ident.js";
import { aclPiece, ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

export function foreignServerPieces(servers: readonly ForeignServer[], ctx: DdlContext): DdlPiece[] {
  return servers.flatMap((s) => {
    const id = objectId.foreignServer(s.name);
    const name = ident(s.name);
    const clauses = [`CREATE SERVER ${name}`];
    if (s.type !== undefined) clauses.push(`TYPE ${literal(s.type)}`);
    if (s.version !== undefined) clauses.push(`VERSION ${literal(s.version)}`);
    clauses.push(`FOREIGN DATA WRAPPER ${ident(s.wrapper)}`);
    if (s.options) clauses.push(`OPTIONS (${s.options.map(optionClause).join(", ")})`);
    const statements = [`${clauses.join(" ")};`];
    if (ctx.owners) statements.push(ownerStatement("SERVER", name, s.owner));
    return [
      piece({ creates: [id], statements, phase: "server" }),
      ...commentPiece(id, `SERVER ${name}`, s.comment),
      ...(ctx.privileges ? aclPiece(id, "FOREIGN SERVER", name, s.owner, s.acl) : []),
    ];
  });
}

/** A stored option `key=value` as `key 'value'`. */
export function optionClause(option: string): string {
  const eq = option.indexOf("=");
  return `${ident(option.slice(0, eq))} ${literal(option.slice(eq + 1))}`;
}
