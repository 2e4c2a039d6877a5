import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE ROLE app_admin; CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric);",
  valid: [
    "CREATE FUNCTION reset_all() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$ UPDATE accounts SET balance = 0 $$; REVOKE EXECUTE ON FUNCTION reset_all() FROM PUBLIC; GRANT EXECUTE ON FUNCTION reset_all() TO app_admin;",
    "CREATE FUNCTION total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(balance) FROM accounts $$;",
    "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC; CREATE PROCEDURE reset_all() LANGUAGE sql SECURITY DEFINER AS $$ UPDATE accounts SET balance = 0 $$;",
  ],
  invalid: [
    { sql: "CREATE FUNCTION reset_all() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ UPDATE accounts SET balance = 0 $$;", findings: 1 },
    { sql: 'CREATE PROCEDURE "Reset"(IN p_id bigint) LANGUAGE sql SECURITY DEFINER AS $$ UPDATE accounts SET balance = 0 WHERE id = p_id $$; REVOKE ALL ON PROCEDURE "Reset"(bigint) FROM PUBLIC; GRANT EXECUTE ON PROCEDURE "Reset"(bigint) TO PUBLIC;', findings: 1 },
  ],
} satisfies RuleCases;
