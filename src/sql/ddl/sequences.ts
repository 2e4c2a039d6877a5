import type { Sequence, SequenceOptions } from "../../catalog/model.js";
import { INTEGER_RANGE } from "../../catalog/integer-range.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { aclPiece, ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

/**
 * A sequence is created on its own; `OWNED BY` follows as a separate piece once the table exists, so that a
 * `DEFAULT nextval(…)` can need the sequence while the sequence's ownership needs the table, without a cycle.
 */
export function sequencePieces(sequences: readonly Sequence[], ctx: DdlContext): DdlPiece[] {
  return sequences.flatMap((s) => {
    const id = objectId.sequence(s);
    const name = qname(s);
    const options = sequenceOptionClauses(s, true);
    const statements = [`CREATE ${s.unlogged ? "UNLOGGED " : ""}SEQUENCE ${name}${options.map((o) => `\n    ${o}`).join("")};`];
    if (ctx.owners) statements.push(ownerStatement("SEQUENCE", name, s.owner));
    const pieces = [piece({ creates: [id], requires: [objectId.schema(s.schema)], statements, phase: "sequence" })];
    if (s.ownedBy) {
      const { table, column } = s.ownedBy;
      pieces.push(
        piece({
          creates: [],
          requires: [id, objectId.table(table), objectId.column(table, column)],
          statements: [`ALTER SEQUENCE ${name} OWNED BY ${qname(table)}.${ident(column)};`],
          phase: "sequence-owner",
          key: id,
        }),
      );
    }
    return [
      ...pieces,
      ...commentPiece(id, `SEQUENCE ${name}`, s.comment),
      ...(ctx.privileges ? aclPiece(id, "SEQUENCE", name, s.owner, s.acl) : []),
    ];
  });
}

/**
 * The option clauses that differ from what `CREATE SEQUENCE` (or an identity column) would pick by itself, in the
 * order PostgreSQL documents them. `withType` is false for identity sequences, whose type is the column's.
 */
export function sequenceOptionClauses(s: SequenceOptions, withType: boolean): string[] {
  const [typeMin, typeMax] = INTEGER_RANGE[s.dataType];
  const ascending = BigInt(s.increment) > 0n;
  const defaultMin = ascending ? 1n : typeMin;
  const defaultMax = ascending ? typeMax : -1n;
  const min = BigInt(s.min);
  const max = BigInt(s.max);
  const clauses: string[] = [];
  if (withType && s.dataType !== "bigint") clauses.push(`AS ${s.dataType}`);
  if (BigInt(s.start) !== (ascending ? min : max)) clauses.push(`START WITH ${s.start}`);
  if (s.increment !== "1") clauses.push(`INCREMENT BY ${s.increment}`);
  if (min !== defaultMin) clauses.push(`MINVALUE ${s.min}`);
  if (max !== defaultMax) clauses.push(`MAXVALUE ${s.max}`);
  if (s.cache !== "1") clauses.push(`CACHE ${s.cache}`);
  if (s.cycle) clauses.push("CYCLE");
  return clauses;
}
