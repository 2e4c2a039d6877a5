import { createRequire } from "node:module";
import type { PgParser } from "../../sql/parser.js";
import { defineRule } from "../rule.js";

/** PostgreSQL keeps NAMEDATALEN - 1 bytes of an identifier and silently drops the rest. */
const MAX_BYTES = 63;

let scanner: PgParser["scanSync"] | undefined;

/**
 * The parse tree holds names already cut to 63 bytes (PostgreSQL's scanner cuts them), so the rule reads the tokens.
 * The parser module is loaded by the time a statement is linted; require gives the same instance synchronously.
 */
const scan = (text: string): ReturnType<PgParser["scanSync"]> => {
  scanner ??= (createRequire(import.meta.url)("libpg-query") as PgParser).scanSync;
  return scanner(text);
};

/** The identifier a token stands for: quotes removed (`""` → `"`), or the bare word. */
const identifier = (token: string): string => (token.startsWith('"') ? token.slice(1, -1).replaceAll('""', '"') : token);

/** Runs of characters an unquoted identifier can hold, long enough to pass 63 bytes. */
const LONG_WORD = /[\p{L}\p{N}_$]{16,}/gu;

/**
 * A cheap test before scanning tokens (scanning every long statement dominated lint time on dumps): without a double
 * quote, a long identifier is a long run of word characters.
 */
function mayHoldLongName(text: string, ascii: boolean): boolean {
  if (text.includes('"') && !(ascii && quotedNamesShort(text))) return true;
  // ASCII text (most statements): a byte per character, and the Unicode classes are the ASCII ones.
  if (ascii) return LONG_ASCII_WORD.test(text);
  for (const [run] of text.matchAll(LONG_WORD)) if (Buffer.byteLength(run, "utf8") > MAX_BYTES) return true;
  return false;
}

/** What could hold a `"` that is not an identifier's quote: a string, a dollar-quoted body, a comment, an escape, `U&"…"`. */
const MAY_HIDE_QUOTE = /['$\\]|--|\/\*|u&/i;
const QUOTED = /"((?:[^"]|"")*)"/g;

/**
 * Whether every quoted identifier of the text is short, known without the scanner: only when nothing in it can hold
 * a stray `"` (then each `"` opens or closes an identifier) and the quotes pair up. Dumps that quote every name
 * (AdventureWorks, Hatchet) otherwise send most statements through the scanner.
 */
function quotedNamesShort(text: string): boolean {
  if (MAY_HIDE_QUOTE.test(text)) return false;
  let paired = 0;
  for (const [whole, inner] of text.matchAll(QUOTED)) {
    if (Buffer.byteLength(inner!.replaceAll('""', '"'), "utf8") > MAX_BYTES) return false;
    paired += whole.split('"').length - 1;
  }
  return paired === text.split('"').length - 1;
}

/** LONG_WORD on ASCII text, longer than 63 characters; tried only where a run starts (else each start inside a run re-reads it). */
const LONG_ASCII_WORD = new RegExp(`(?<![A-Za-z0-9_$])[A-Za-z0-9_$]{${MAX_BYTES + 1}}`);

export default defineRule({
  id: "identifier-too-long",
  severity: "error",
  docs: {
    summary: "An identifier longer than 63 bytes.",
    why: "PostgreSQL truncates identifiers to 63 bytes with only a NOTICE: the object gets a different name than the migration says, two long names that share their first 63 bytes collide, and code or later migrations using the full name refer to something else or fail. Multi-byte characters count for their UTF-8 bytes.",
    fix: "Shorten the name to 63 bytes or less.",
    squawk: "identifier-too-long",
  },
  statement: (statement) => {
    const bytes = Buffer.byteLength(statement.text, "utf8");
    if (bytes <= MAX_BYTES || !mayHoldLongName(statement.text, bytes === statement.text.length)) return [];
    return scan(statement.text)
      .tokens.filter((t) => t.tokenName === "IDENT" && Buffer.byteLength(identifier(t.text), "utf8") > MAX_BYTES)
      .map((t) => {
        const name = identifier(t.text);
        return { message: `identifier ${name.slice(0, 20)}… is ${Buffer.byteLength(name, "utf8")} bytes: PostgreSQL keeps only the first ${MAX_BYTES}`, object: name, at: statement.byteStart + t.start };
      });
  },
});
