import { defineRule } from "../rule.js";

export default defineRule({
  id: "extension-in-public",
  severity: "warning",
  docs: {
    summary: "An extension installed in the `public` schema (where `CREATE EXTENSION` puts it unless told `SCHEMA …`).",
    why: "Its functions, operators and types mix with the application's objects: they show up in API layers that expose `public`, dumps and diffs of the schema carry them, their names can collide with the application's, and everything on `search_path` resolves against them.",
    fix: "Install extensions in their own schema: `CREATE SCHEMA extensions; ALTER EXTENSION … SET SCHEMA extensions` (relocatable extensions; others: drop and `CREATE EXTENSION … SCHEMA extensions`), with `extensions` on the roles' `search_path`.",
  },
  schema: (catalog) =>
    catalog.extensions
      .filter((e) => e.schema === "public")
      .map((e) => ({ message: `extension ${e.name} is installed in schema public`, object: e.name })),
});
