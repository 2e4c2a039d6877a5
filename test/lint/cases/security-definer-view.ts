import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE docs (id bigint PRIMARY KEY, body text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
  valid: [
    "CREATE VIEW doc_list WITH (security_invoker = true) AS SELECT id FROM docs;",
    "REVOKE USAGE ON SCHEMA public FROM PUBLIC; CREATE VIEW doc_list AS SELECT id FROM docs;",
  ],
  invalid: [
    { sql: "CREATE VIEW doc_list AS SELECT id, body FROM docs;", findings: 1 },
    { sql: "CREATE VIEW doc_list WITH (security_invoker = false) AS SELECT id FROM docs; CREATE VIEW doc_bodies AS SELECT body FROM docs;", findings: 2 },
  ],
} satisfies RuleCases;
