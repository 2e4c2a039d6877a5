import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE ROLE app_reader; CREATE ROLE app_writer; CREATE TABLE docs (id bigint PRIMARY KEY, owner text, public boolean);",
  valid: [
    "CREATE POLICY docs_read ON docs FOR SELECT USING (owner = current_user OR public); CREATE POLICY docs_write ON docs FOR UPDATE USING (owner = current_user);",
    "CREATE POLICY docs_reader ON docs FOR SELECT TO app_reader USING (public); CREATE POLICY docs_writer ON docs FOR SELECT TO app_writer USING (owner = current_user); CREATE POLICY docs_tenant ON docs AS RESTRICTIVE USING (owner IS NOT NULL);",
  ],
  invalid: [
    { sql: "CREATE POLICY docs_own ON docs FOR SELECT USING (owner = current_user); CREATE POLICY docs_public ON docs FOR SELECT USING (public);", findings: 1 },
    { sql: "CREATE POLICY docs_all ON docs TO app_writer USING (owner = current_user); CREATE POLICY docs_reader ON docs FOR SELECT TO app_reader, app_writer USING (public); CREATE POLICY docs_delete ON docs FOR DELETE USING (false);", findings: 2 },
  ],
} satisfies RuleCases;
