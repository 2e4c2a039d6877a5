import type { Routine } from "../../catalog/model.js";
import { qualified } from "../../sql/ident.js";

/** `FUNCTION schema.name(args)` / `PROCEDURE …`, for ALTER, GRANT and REVOKE. */
export const routineSignature = (r: Routine): string =>
  `${r.kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${qualified(r.schema, r.name)}(${r.identityArguments})`;
