import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY, name text); CREATE TABLE banned (user_id bigint);",
  valid: [
    "CREATE VIEW allowed AS SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM banned b WHERE b.user_id = u.id) AND u.id NOT IN (1, 2) AND u.name <> 'NOT IN (SELECT x)';",
    "CREATE VIEW blocked AS SELECT id FROM users WHERE id IN (SELECT user_id FROM banned);",
  ],
  invalid: [
    { sql: "CREATE VIEW allowed AS SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM banned);", findings: 1 },
    { sql: "CREATE FUNCTION allowed_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM users WHERE (id + 0) NOT IN (SELECT user_id FROM banned); END;", findings: 1 },
    { sql: "CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM users WHERE id not in (select user_id from banned); END $$;", findings: 1 },
  ],
} satisfies RuleCases;
