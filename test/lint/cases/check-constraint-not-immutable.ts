import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE offers (id bigint PRIMARY KEY, starts_at timestamptz, ends_at timestamptz, CHECK (ends_at > starts_at), note text CHECK (note <> 'now()'));",
    "CREATE FUNCTION is_even(n int) RETURNS boolean IMMUTABLE LANGUAGE sql RETURN n % 2 = 0; CREATE TABLE t2 (id bigint PRIMARY KEY, n int CHECK (is_even(n)));",
  ],
  invalid: [
    { sql: "CREATE TABLE offers (id bigint PRIMARY KEY, ends_at timestamptz CHECK (ends_at > now()), day date, CONSTRAINT day_past CHECK (day <= CURRENT_DATE));", findings: 2 },
    { sql: "CREATE TABLE docs (id bigint PRIMARY KEY, owner text); ALTER TABLE docs ADD CONSTRAINT docs_owner CHECK (owner = current_user);", findings: 1 },
    { sql: "CREATE FUNCTION stock_left(p bigint) RETURNS integer LANGUAGE sql RETURN 1; CREATE TABLE orders (id bigint PRIMARY KEY, product bigint CHECK (stock_left(product) > 0)); CREATE DOMAIN future_ts AS timestamptz CHECK (VALUE > clock_timestamp());", findings: 2 },
  ],
} satisfies RuleCases;
