import { defineRule } from "../rule.js";
import { catalogNames, namingReports, statementNames, type NamedObject } from "../rules-support/names.js";

const KINDS = new Set(["table", "column", "foreign table"]);
const tablesAndColumns = (objects: readonly NamedObject[]): NamedObject[] => objects.filter((o) => KINDS.has(o.kind));
const single = (name: string): boolean => [...name].length === 1;

export default defineRule({
  id: "ban-single-letter-identifier",
  severity: "info",
  docs: {
    summary: "A table or column named with a single character (`t`, `x`).",
    why: "The name says nothing about what it holds: readers of every query need the schema beside them, and a search for it finds every other `x`.",
    fix: "A descriptive name. Renaming is catalog only (`ALTER TABLE … RENAME …`), but every query using the old name changes with it.",
  },
  statement: ({ kind, node }) => namingReports(tablesAndColumns(statementNames(kind, node)), single, (o) => `${o.kind} ${o.object} has a one-letter name`),
  schema: (catalog) => namingReports(tablesAndColumns(catalogNames(catalog)), single, (o) => `${o.kind} ${o.object} has a one-letter name`),
});
