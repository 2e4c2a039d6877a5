import type { RuleCases } from "./case-types.js";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: "CREATE TABLE t (id serial PRIMARY KEY, v text);\nINSERT INTO t (v) VALUES ('a');" },
      // Cycling sequences wrap by design.
      { sql: "CREATE SEQUENCE s AS integer CYCLE;\nSELECT setval('s', 2100000000);" },
      { sql: "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);\nSELECT setval(pg_get_serial_sequence('t', 'id'), 2000000000);" },
      { sql: "CREATE TABLE t (id serial PRIMARY KEY, v text);\nSELECT setval('t_id_seq', 2000000000);", options: { threshold: 0.95 } },
    ],
    invalid: [
      { sql: "CREATE TABLE t (id serial PRIMARY KEY, v text);\nSELECT setval('t_id_seq', 2000000000);\nINSERT INTO t (v) VALUES ('a');", findings: 1 },
      { sql: "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);\nSELECT setval(pg_get_serial_sequence('t', 'id'), 2000000000);", findings: 1 },
      // A bigint column fed by a sequence declared AS integer runs out at the sequence's maximum.
      { sql: "CREATE SEQUENCE t_id_seq AS integer;\nCREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('t_id_seq'));\nALTER SEQUENCE t_id_seq OWNED BY t.id;\nSELECT setval('t_id_seq', 2000000000);", findings: 1 },
      { sql: "CREATE TABLE t (id smallserial PRIMARY KEY);\nSELECT setval('t_id_seq', 30000);", findings: 1 },
      { sql: "CREATE SEQUENCE s AS integer;\nSELECT setval('s', 2000000000);", findings: 1 },
    ],
  },
} satisfies RuleCases;
