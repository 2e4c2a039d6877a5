import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE docs (id bigint PRIMARY KEY, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY; CREATE POLICY docs_owner ON docs USING (owner = current_user);",
    "CREATE TABLE open_docs (id bigint PRIMARY KEY);",
  ],
  invalid: [
    { sql: "CREATE TABLE docs (id bigint PRIMARY KEY, owner text); CREATE POLICY docs_owner ON docs USING (owner = current_user);", findings: 1 },
    { sql: 'CREATE TABLE "Docs" (id bigint PRIMARY KEY, owner text); ALTER TABLE "Docs" ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON "Docs" USING (owner = current_user); ALTER TABLE "Docs" DISABLE ROW LEVEL SECURITY;', findings: 1 },
  ],
} satisfies RuleCases;
