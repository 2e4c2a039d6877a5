import type { ObjectId, QualifiedName } from "../model.js";
import { objectId } from "../object-id.js";
import { jsonOf } from "./context.js";
import { identityArguments } from "./routine-signature.js";

/** The `args` JSON of a routine end in `dependencies.sql` and `dependency-sql-bodies.sql`. */
interface RoutineArgumentsRow {
  readonly types: readonly string[] | null;
  readonly modes: readonly string[] | null;
  readonly names: readonly string[] | null;
  readonly procedure: boolean;
  readonly direct: number | null;
}

/** A routine's id, its identity arguments printed by the same code as the routine's own (`read/routines.ts`). */
export function routineIdOf(q: QualifiedName, args: unknown): ObjectId {
  const raw = jsonOf<RoutineArgumentsRow>(args);
  const identity = raw
    ? identityArguments({
        types: raw.types ?? [],
        modes: raw.modes ?? undefined,
        names: raw.names ?? undefined,
        isProcedure: raw.procedure,
        orderByAt: raw.direct ?? undefined,
      })
    : "";
  return objectId.routine(q, identity);
}
