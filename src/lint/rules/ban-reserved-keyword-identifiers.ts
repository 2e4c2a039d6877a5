import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { catalogNames, namingReports, statementNames } from "../rules-support/names.js";

/**
 * A lower-case name that `ident` (like `quote_ident`) still quotes: an SQL keyword that is not unreserved in
 * PostgreSQL 13–18 (`user`, `order`, `group`, `select`, `left`, `time`, `json`…). Names that need quoting anyway
 * (upper case, spaces) are ban-uppercase-identifiers'.
 */
const keyword = (name: string): boolean => /^[a-z_][a-z0-9_$]*$/.test(name) && ident(name) !== name;

export default defineRule({
  id: "ban-reserved-keyword-identifiers",
  severity: "warning",
  docs: {
    summary: "A name that is an SQL keyword PostgreSQL does not accept bare everywhere (`user`, `order`, `group`, `table`, `left`, `time`…).",
    why: "The name has to be double-quoted in most places (`SELECT * FROM \"order\"`), and where someone forgets, the query means something else or fails to parse (`SELECT user FROM accounts` returns the session's role name, not the column). Keywords also change between versions: `json` became one in PostgreSQL 16.",
    fix: "A name that is not a keyword (`orders`, `app_user`, `sort_order`). Renaming is catalog only, but every query that uses the name must change with it.",
  },
  statement: ({ kind, node }) => namingReports(statementNames(kind, node), keyword, (o) => `${o.kind} ${o.object} is named with the SQL keyword ${o.name} (written ${ident(o.name)})`),
  schema: (catalog) => namingReports(catalogNames(catalog), keyword, (o) => `${o.kind} ${o.object} is named with the SQL keyword ${o.name} (written ${ident(o.name)})`),
});
