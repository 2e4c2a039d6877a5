import { defineRule } from "../rule.js";

/** Words that name a deployment environment wherever they stand in a name. */
const ENVIRONMENTS = new Set(["prod", "prd", "preprod", "preproduction", "staging", "stg", "uat", "qa", "dev", "sandbox", "sbx"]);
/** Ordinary words too (`production_lines`, `test_results`): an environment only as the whole name. */
const WHOLE_NAME = new Set(["production", "development", "stage", "test", "testing"]);

/** The environment word a schema name carries (`prod_billing`, `billing_stg`, `sandbox`, `production`), if any. */
const environmentWord = (name: string): string | undefined => {
  const lower = name.toLowerCase();
  return WHOLE_NAME.has(lower) ? lower : lower.split(/[^a-z0-9]+/).find((w) => ENVIRONMENTS.has(w));
};

export default defineRule({
  id: "ban-environment-named-schema",
  severity: "info",
  docs: {
    summary: "A schema created or renamed with a deployment environment in its name (`prod_billing`, `billing_stg`, `sandbox`, `uat`).",
    why: "The same migrations run in every environment: a schema named after one of them is wrong everywhere else, and copying a database between environments (a refresh of staging from production) leaves names that lie or must all be renamed, with every query and grant that uses them.",
    fix: "A neutral name for what the schema holds (`billing`); keep the environment in the database or cluster name, or in configuration.",
  },
  statement: ({ kind, node }) => {
    const name = kind === "CreateSchemaStmt" ? (node.schemaname as string | undefined) : kind === "RenameStmt" && node.renameType === "OBJECT_SCHEMA" ? (node.newname as string | undefined) : undefined;
    const word = name ? environmentWord(name) : undefined;
    if (!name || !word) return [];
    return [{ message: `schema ${name} is named after an environment (${word})`, object: name }];
  },
});
