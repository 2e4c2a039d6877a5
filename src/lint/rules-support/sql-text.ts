import { ident, qualified } from "../../sql/ident.js";
import type { Node, Statement } from "../statements.js";

/** The statement's text from parse-node byte offset `from` (absolute, as parse nodes give it) to `to` (default: its end), without a trailing `;`. */
export function statementSlice(statement: Statement, from: number, to?: number): string {
  const bytes = Buffer.from(statement.text, "utf8");
  const end = to === undefined ? bytes.length : to - statement.byteStart;
  return bytes.subarray(Math.max(0, from - statement.byteStart), end).toString("utf8").trim().replace(/;\s*$/, "").trim();
}

/** A RangeVar as SQL: qualified only when it was written qualified (so the search_path still decides otherwise). */
export function relationSql(rv: Node): string {
  const schema = rv.schemaname as string | undefined;
  return schema ? qualified(schema, rv.relname as string) : ident(rv.relname as string);
}

/** A name PostgreSQL keeps whole: cut to 63 bytes (NAMEDATALEN - 1) without splitting a character. */
export function fitName(name: string): string {
  let out = name;
  while (Buffer.byteLength(out, "utf8") > 63) out = out.slice(0, -1);
  return out;
}
