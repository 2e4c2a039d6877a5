import type { Rule } from "../rule.js";
import checkConstraintTautology from "./check-constraint-tautology.js";
import checkConstraintUnsatisfiable from "./check-constraint-unsatisfiable.js";
import duplicateIndex from "./duplicate-index.js";
import redundantPrefixIndex from "./redundant-prefix-index.js";
import tooManyIndexes from "./too-many-indexes.js";
import wideNonUniqueIndex from "./wide-non-unique-index.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_D = {
  "check-constraint-tautology": checkConstraintTautology,
  "check-constraint-unsatisfiable": checkConstraintUnsatisfiable,
  "duplicate-index": duplicateIndex,
  "redundant-prefix-index": redundantPrefixIndex,
  "too-many-indexes": tooManyIndexes,
  "wide-non-unique-index": wideNonUniqueIndex,
} as const satisfies Record<string, Rule>;
