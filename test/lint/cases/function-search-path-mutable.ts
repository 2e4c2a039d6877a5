import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric);",
  valid: [
    "CREATE FUNCTION balance_of(p_id bigint) RETURNS numeric LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$ BEGIN RETURN (SELECT balance FROM accounts WHERE id = p_id); END $$;",
    "CREATE FUNCTION balance_of(p_id bigint) RETURNS numeric LANGUAGE sql STABLE RETURN (SELECT balance FROM public.accounts WHERE id = p_id);",
    "CREATE PROCEDURE touch() LANGUAGE sql BEGIN ATOMIC UPDATE public.accounts SET balance = balance; END;",
  ],
  invalid: [
    { sql: "CREATE FUNCTION balance_of(p_id bigint) RETURNS numeric LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN (SELECT balance FROM accounts WHERE id = p_id); END $$;", findings: 1 },
    { sql: 'CREATE OR REPLACE PROCEDURE public."Reset"(IN p_id bigint, OUT n int) AS $$ UPDATE accounts SET balance = 0 WHERE id = p_id RETURNING 1 $$ LANGUAGE sql;', findings: 1 },
  ],
} satisfies RuleCases;
