import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "extension-outdated",
  severity: "warning",
  docs: {
    summary: "An installed extension older than the version the server's files provide (`pg_available_extensions.default_version`).",
    why: "Upgrading PostgreSQL or an extension package replaces the shared library but not the SQL objects in each database: those stay at the version `CREATE EXTENSION` installed until `ALTER EXTENSION … UPDATE` runs. The database then misses fixes (some of them security fixes to the extension's functions) and new functions, and the old SQL may call the new library in ways it no longer expects.",
    fix: "`ALTER EXTENSION … UPDATE` (after reading the extension's release notes; most updates are quick catalog changes).",
  },
  live: (_catalog, stats) =>
    stats.extensions.flatMap((e) =>
      e.installed === e.available
        ? []
        : [
            {
              message: `extension ${e.name} is at version ${e.installed}; the server provides ${e.available}`,
              object: e.name,
              fix: { title: "update the extension", sql: `ALTER EXTENSION ${ident(e.name)} UPDATE;` },
            },
          ],
    ),
});
