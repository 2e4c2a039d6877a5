import { qualified } from "../../sql/ident.js";
import { jsonOf } from "./context.js";

/**
 * Named references other than types (collations, operator classes, text search objects, functions) are written
 * schema-qualified always, quoted by `ident`: the same text on every server whatever its keyword list. Queries send
 * them as JSON `[schema, name]` (functions: `[schema, name, [argument types]]`).
 */
export function qualifiedRef(value: unknown): string | undefined {
  const ref = Array.isArray(value) ? (value as [string, string]) : jsonOf<[string, string]>(value);
  return ref && qualified(ref[0], ref[1]);
}

/** `regprocedure`-style text, but with the schema always written: `schema.name(type,type)`. */
export function functionSignatureRef(value: unknown): string | undefined {
  const ref = jsonOf<[string, string, string[] | null]>(value);
  return ref && `${qualified(ref[0], ref[1])}(${(ref[2] ?? []).join(",")})`;
}

/** NAMEDATALEN - 1: the longest name PostgreSQL keeps, in bytes. */
export const NAME_BYTES = 63;

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never splitting a character (`pg_mbcliplen`). */
export function clipBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * `makeMultirangeTypeName`: the first `range` becomes `multirange`, else `_multirange` is appended. PostgreSQL cuts
 * the name for the suffix at a byte count (`pnstrdup`), even inside a character; the broken byte reaches us as
 * U+FFFD, and so does it here.
 */
export function defaultMultirangeName(rangeName: string): string {
  const at = rangeName.indexOf("range");
  if (at >= 0) return clipBytes(`${rangeName.slice(0, at)}multi${rangeName.slice(at)}`, NAME_BYTES);
  return `${Buffer.from(rangeName, "utf8").subarray(0, NAME_BYTES - 11).toString("utf8")}_multirange`;
}
