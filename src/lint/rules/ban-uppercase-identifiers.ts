import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { catalogNames, namingReports, statementNames } from "../rules-support/names.js";

/**
 * A name PostgreSQL reads back unchanged when written bare: lower-case ASCII letters, digits, `_`, `$`, and any
 * non-ASCII character (the scanner takes bytes 0x80–0xFF as identifier letters and, in a multi-byte encoding, folds
 * only A–Z: `CREATE SCHEMA تست`, `bıgınt`). `quote_ident` quotes those too, but nothing requires it.
 */
const BARE = /^[a-z_\u0080-\u{10FFFF}][a-z0-9_$\u0080-\u{10FFFF}]*$/u;
const quotedForever = (name: string): boolean => !BARE.test(name);

export default defineRule({
  id: "ban-uppercase-identifiers",
  severity: "warning",
  docs: {
    summary: "A name with upper-case letters, spaces or other characters that only a quoted identifier can hold (`\"UserId\"`, `\"order date\"`); non-ASCII letters (`تست`) are valid bare.",
    why: "PostgreSQL folds unquoted names to lower case, so such a name must be double-quoted in every query, by every tool and ORM, forever; writing it bare silently names another (missing) object: `SELECT UserId` looks for `userid`.",
    fix: "snake_case names (`user_id`). Renaming is catalog only (`ALTER TABLE … RENAME …`), but every query that uses the old name must change with it.",
  },
  statement: ({ kind, node }) =>
    namingReports(statementNames(kind, node), quotedForever, (o) => `${o.kind} ${o.object}: the name ${ident(o.name)} has to be quoted everywhere`),
  schema: (catalog) =>
    namingReports(catalogNames(catalog), quotedForever, (o) => `${o.kind} ${o.object}: the name ${ident(o.name)} has to be quoted everywhere`),
});
