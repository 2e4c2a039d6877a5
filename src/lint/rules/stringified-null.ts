import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** String constants that spell NULL (`'NULL'`, `'Null'`, `' NULL '`), except the lower-case JSON literal `'null'`. */
function stringNulls(tree: unknown): Node[] {
  const found: Node[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === "object") {
      const n = v as Node;
      const c = n.A_Const as Node | undefined;
      const text = ((c?.sval as Node | undefined)?.sval as string | undefined) ?? undefined;
      if (c && text !== undefined && text.trim().toUpperCase() === "NULL" && text !== "null") found.push(c);
      for (const x of Object.values(n)) visit(x);
    }
  };
  visit(tree);
  return found;
}

export default defineRule({
  id: "stringified-null",
  severity: "warning",
  docs: {
    summary: "A string literal `'NULL'` (a DEFAULT, an inserted or assigned value, a comparison…).",
    why: "`'NULL'` is a four-letter string, not NULL: a text column gets the word NULL, which `IS NULL` does not find, and the value is counted, indexed and displayed as data. The lower-case `'null'` is left alone: it is how JSON spells null (`'null'::jsonb`).",
    fix: "Write `NULL` without quotes (or drop the DEFAULT: a column's default is NULL already).",
  },
  statement: ({ node }) => stringNulls(node).map((c) => ({ message: "'NULL' in quotes is a string, not NULL", at: c.location as number })),
});
