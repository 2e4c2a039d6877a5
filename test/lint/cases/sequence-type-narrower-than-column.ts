import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigserial PRIMARY KEY);",
    "CREATE TABLE t (id serial PRIMARY KEY); ALTER TABLE t ALTER COLUMN id TYPE bigint; ALTER SEQUENCE t_id_seq AS bigint;",
    "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY); ALTER TABLE t ALTER COLUMN id TYPE bigint;",
  ],
  invalid: [
    { sql: "CREATE TABLE t (id serial PRIMARY KEY); ALTER TABLE t ALTER COLUMN id TYPE bigint;", findings: 1 },
    { sql: "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY); ALTER SEQUENCE t_id_seq AS integer;", findings: 1 },
    { sql: "CREATE TABLE t (id smallserial PRIMARY KEY); ALTER TABLE t ALTER COLUMN id TYPE integer;", findings: 1 },
  ],
} satisfies RuleCases;
