import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, secret text);";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      {
        sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nGRANT SELECT, INSERT ON t TO live_case_app;\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY tenant ON t TO live_case_app USING (tenant_id = current_setting('app.tenant_id')::bigint);`,
      },
      // The owner (and a member of the owning role) is not bound by RLS anyway unless it is forced.
      { sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nALTER TABLE t OWNER TO live_case_app;` },
      // A role that cannot log in is a group; its login members are judged.
      { sql: `${TABLE}\nCREATE ROLE live_case_readers;\nGRANT SELECT ON t TO live_case_readers;` },
      { sql: `${TABLE}\nCREATE ROLE live_case_etl LOGIN BYPASSRLS;\nGRANT SELECT ON t TO live_case_etl;` },
      // No USAGE on the schema: the grant on the table reaches nothing.
      { sql: "CREATE SCHEMA private;\nCREATE TABLE private.t (id bigint PRIMARY KEY);\nCREATE ROLE live_case_app LOGIN;\nGRANT SELECT ON private.t TO live_case_app;" },
      { sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nCREATE ROLE live_case_web LOGIN;\nGRANT SELECT ON t TO live_case_web;`, options: { roles: ["live_case_app"] } },
    ],
    invalid: [
      { sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nGRANT SELECT, INSERT, UPDATE, DELETE ON t TO live_case_app;`, findings: 1 },
      { sql: `${TABLE}\nCREATE ROLE live_case_readers;\nGRANT SELECT ON t TO live_case_readers;\nCREATE ROLE live_case_app LOGIN IN ROLE live_case_readers;`, findings: 1 },
      { sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nGRANT SELECT (id, tenant_id) ON t TO live_case_app;`, findings: 1 },
      { sql: `${TABLE}\nCREATE ROLE live_case_app LOGIN;\nGRANT SELECT ON t TO PUBLIC;`, options: { roles: ["live_case_app"] }, findings: 1 },
    ],
  },
} satisfies RuleCases;
