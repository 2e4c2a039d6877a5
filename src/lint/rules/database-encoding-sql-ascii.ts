import { defineRule } from "../rule.js";

export default defineRule({
  id: "database-encoding-sql-ascii",
  severity: "warning",
  docs: {
    summary: "A database created with the `SQL_ASCII` encoding.",
    why: "`SQL_ASCII` is no encoding at all: PostgreSQL stores whatever bytes it is sent and validates nothing, so one database ends up holding UTF-8, Latin-1 and broken bytes side by side. Case conversion, collation, `length`, regular expressions and full-text search work on bytes, not characters, and clients that expect UTF-8 fail on the rows that are not.",
    fix: "Create a new database with `ENCODING 'UTF8'`, and move the data with `pg_dump` / `pg_restore`, cleaning the rows that are not valid UTF-8 on the way (`iconv`, or `convert_from` per column).",
  },
  live: (_catalog, stats) =>
    stats.encoding === "SQL_ASCII"
      ? [{ message: `database ${stats.database} uses the SQL_ASCII encoding: text bytes are stored unchecked`, object: stats.database }]
      : [],
});
