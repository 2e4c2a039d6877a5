import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE ROLE app_owner;",
  valid: [
    "CREATE TABLE a (id bigint PRIMARY KEY); CREATE TABLE b (id bigint PRIMARY KEY); CREATE VIEW v AS SELECT id FROM a;",
    "CREATE TABLE a (id bigint PRIMARY KEY); CREATE SEQUENCE s; ALTER TABLE a OWNER TO app_owner; ALTER SEQUENCE s OWNER TO app_owner; ALTER SCHEMA public OWNER TO app_owner;",
  ],
  invalid: [
    { sql: "CREATE TABLE a (id bigint PRIMARY KEY); CREATE TABLE b (id serial PRIMARY KEY); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN x; ALTER TABLE b OWNER TO app_owner;", findings: 1 },
    { sql: "CREATE TABLE a (id bigint PRIMARY KEY); ALTER SCHEMA public OWNER TO app_owner;", findings: 1 },
  ],
} satisfies RuleCases;
