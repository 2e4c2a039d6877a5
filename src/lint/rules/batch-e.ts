import type { Rule } from "../rule.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_E = {} as const satisfies Record<string, Rule>;
