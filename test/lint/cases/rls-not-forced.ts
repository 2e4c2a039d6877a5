import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE docs (id bigint PRIMARY KEY, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY; CREATE POLICY docs_owner ON docs USING (owner = current_user);",
    "CREATE TABLE open_docs (id bigint PRIMARY KEY);",
  ],
  invalid: [{ sql: "CREATE TABLE docs (id bigint PRIMARY KEY, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY; CREATE POLICY docs_owner ON docs USING (owner = current_user);", findings: 1 }],
} satisfies RuleCases;
