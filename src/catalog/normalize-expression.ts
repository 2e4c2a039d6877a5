import { matching, skipQuoted, splitTopLevel } from "./sql-text.js";

/**
 * PostgreSQL's deparser is not idempotent in one known way: `v IN ('a', 'b')` on a varchar column is stored and
 * printed as `(v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])`, and reloading that
 * text gives `ARRAY[('a'::character varying)::text, ('b'::character varying)::text]` (the parser pushes a cast of an
 * `ARRAY[…]` constructor down into its elements). Both mean the same; the second is the fixed point. Expressions in
 * the model are kept in the fixed-point form, so a schema read from its source and the same schema reloaded from our
 * DDL (or created by a migration) compare equal.
 */
export function normalizeExpression(text: string): string {
  if (!text.includes("(ARRAY[")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      out += text.slice(i, skipped);
      i = skipped;
      continue;
    }
    if (text.startsWith("(ARRAY[", i)) {
      const rewritten = rewriteArrayCast(text, i);
      if (rewritten) {
        out += rewritten.text;
        i = rewritten.end;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/** `(ARRAY[e1, …])::T[]` starting at `start` → `ARRAY[(e1)::T, …]`, or undefined when the text is not that shape. */
function rewriteArrayCast(text: string, start: number): { text: string; end: number } | undefined {
  const open = start + "(ARRAY".length;
  const close = matching(text, open, "[", "]");
  if (close === undefined || text[close + 1] !== ")" || !text.startsWith("::", close + 2)) return undefined;
  const typeStart = close + 4;
  const typeEnd = arrayTypeEnd(text, typeStart);
  if (typeEnd === undefined) return undefined;
  const elementType = text.slice(typeStart, typeEnd);
  const elements = splitTopLevel(text.slice(open + 1, close));
  if (elements.length === 0 || elements.some((e) => e.trim() === "" || e.trimStart().startsWith("ARRAY["))) return undefined;
  const cast = elements.map((e) => `(${normalizeExpression(e.trim())})::${elementType}`);
  return { text: `ARRAY[${cast.join(", ")}]`, end: typeEnd + 2 };
}

/** The index of the `[]` that ends an array type name (`text[]`, `character varying(10)[]`, `public."T"[]`). */
function arrayTypeEnd(text: string, start: number): number | undefined {
  let i = start;
  while (i < text.length) {
    if (text.startsWith("[]", i)) return i > start ? i : undefined;
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const c = text[i]!;
    if (c === "(") {
      const end = matching(text, i, "(", ")");
      if (end === undefined) return undefined;
      i = end + 1;
      continue;
    }
    if (!/[\w. $]/u.test(c)) return undefined;
    i++;
  }
  return undefined;
}

