import type { Routine, TypeDefinition } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { qname } from "../ident.js";
import { aclPiece, ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { createRoutineStatement, grantSignature, routineKeyword, routineSignature } from "./routine-create.js";
import { functionNameOf, referencedIds, routineIdsNamed, shellTypeMark } from "./type-refs.js";

export function routinePieces(routines: readonly Routine[], ctx: DdlContext): DdlPiece[] {
  return routines.flatMap((r) => {
    const id = objectId.routine(r, r.identityArguments);
    const signature = routineSignature(r);
    const keyword = routineKeyword(r);
    const shell = shellTypeFor(r, ctx);
    const statements = [
      ...(shell ? [`CREATE TYPE ${qname(shell)};`] : []),
      ...createStatements(r),
      ...(ctx.owners ? [ownerStatement(keyword, signature, r.owner)] : []),
    ];
    const shellMark = shell && shellTypeMark(objectId.type(shell));
    const skip = new Set([id, ...(shell ? [objectId.type(shell)] : [])]);
    const requires = [...new Set([objectId.schema(r.schema), ...routineRequires(r, ctx)])].filter((x) => !skip.has(x));
    const create = piece({ creates: [id, ...(shellMark ? [shellMark] : [])], requires, statements, phase: "function" });
    // The catalog says the function needs the range (its argument) and the range needs the function (canonical):
    // the split piece creates the function under the shell mark alone, free of the range's edges.
    const after = [id, ...(shellMark ? [shellMark] : [])];
    return [
      shellMark ? { ...create, split: () => [{ ...create, creates: [shellMark] }] } : create,
      ...commentPiece(id, `${keyword} ${signature}`, r.comment).map((p) => ({ ...p, requires: after })),
      ...(ctx.privileges
        ? aclPiece(id, r.kind === "procedure" ? "PROCEDURE" : "FUNCTION", grantSignature(r), r.owner, r.acl).map((p) => ({ ...p, requires: after }))
        : []),
    ];
  });
}

/**
 * A body given as a string is checked when created (SQL resolves the tables it reads, PL/pgSQL the types it
 * declares, under the search_path of the moment), but nothing records what it names, so it may come before those
 * objects: like pg_dump, turn the check off around it. SQL-standard bodies are parsed for real and their
 * dependencies recorded, so they keep the check.
 */
function createStatements(r: Routine): string[] {
  const create = createRoutineStatement(r);
  if (r.sqlStandardBody || r.kind === "aggregate") return [create];
  return ["SET check_function_bodies = false;", create, "RESET check_function_bodies;"];
}

function routineRequires(r: Routine, ctx: DdlContext): string[] {
  const a = r.aggregate;
  return [
    ...referencedIds(ctx, r.arguments, r.returns, r.sqlStandardBody ? r.body : undefined, ...(r.transforms ?? [])),
    ...routineIdsNamed(ctx, r.support),
    ...(a
      ? [
          ...referencedIds(ctx, a.stateType, a.movingStateType),
          ...[a.stateFunction, a.finalFunction, a.combineFunction, a.serialFunction, a.deserialFunction]
            .concat([a.movingStateFunction, a.movingInverseFunction, a.movingFinalFunction])
            .flatMap((f) => routineIdsNamed(ctx, f)),
        ]
      : []),
  ];
}

const ONE_NAME = /^(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_$]*)$/;

/**
 * The range type whose canonical function this is. Such a function takes the range before the range can exist, so
 * its piece first creates the range as a shell, which the range's own `CREATE TYPE … AS RANGE` then completes.
 */
function shellTypeFor(r: Routine, ctx: DdlContext): TypeDefinition | undefined {
  if (r.kind !== "function") return undefined;
  return ctx.catalog.types.find((t) => {
    if (t.kind !== "range" || t.canonical === undefined || functionNameOf(t.canonical) !== qname(r)) return false;
    const argument = t.canonical.slice(functionNameOf(t.canonical).length + 1, -1);
    const named = r.identityArguments.endsWith(` ${argument}`) ? r.identityArguments.slice(0, -argument.length - 1) : undefined;
    return r.identityArguments === argument || (named !== undefined && ONE_NAME.test(named));
  });
}
