import type { EventTrigger } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal, qname } from "../ident.js";
import { ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { ENABLE } from "./triggers.js";

/** Event triggers fire on DDL, so their phase comes last: none of them sees the rest of the script run. */
export function eventTriggerPieces(triggers: readonly EventTrigger[], ctx: DdlContext): DdlPiece[] {
  return triggers.flatMap((t) => {
    const id = objectId.eventTrigger(t.name);
    const name = ident(t.name);
    const when = t.tags ? ` WHEN TAG IN (${t.tags.map(literal).join(", ")})` : "";
    const statements = [`CREATE EVENT TRIGGER ${name} ON ${ident(t.event)}${when} EXECUTE FUNCTION ${qname(t.function)}();`];
    if (ctx.owners) statements.push(ownerStatement("EVENT TRIGGER", name, t.owner));
    if (t.enabled !== undefined) statements.push(`ALTER EVENT TRIGGER ${name} ${ENABLE[t.enabled]};`);
    return [
      piece({ creates: [id], requires: [objectId.routine(t.function, "")], statements, phase: "event-trigger" }),
      ...commentPiece(id, `EVENT TRIGGER ${name}`, t.comment),
    ];
  });
}
