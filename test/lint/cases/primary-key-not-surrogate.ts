import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE); CREATE TABLE countries (country_id integer PRIMARY KEY, code text);",
    "CREATE TABLE users (id uuid DEFAULT gen_random_uuid() PRIMARY KEY); CREATE TABLE groups (id serial PRIMARY KEY); CREATE TABLE memberships (user_id uuid REFERENCES users, group_id integer REFERENCES groups, PRIMARY KEY (user_id, group_id)); CREATE TABLE order_lines (line_no integer, user_id uuid REFERENCES users, PRIMARY KEY (user_id, line_no));",
    // pagila: a partitioned table's key has to include the partition column; the sequence-generated id identifies the row.
    "CREATE SEQUENCE payment_payment_id_seq; CREATE TABLE payment (payment_id integer DEFAULT nextval('payment_payment_id_seq'::regclass) NOT NULL, amount numeric NOT NULL, payment_date timestamptz NOT NULL, PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);",
  ],
  invalid: [
    { sql: "CREATE TABLE users (email text PRIMARY KEY, name text);", findings: 1 },
    { sql: "CREATE TABLE products (sku text, region text, PRIMARY KEY (sku, region));", findings: 1 },
    { sql: "CREATE TABLE readings (sensor text, taken_at timestamptz, PRIMARY KEY (sensor, taken_at)) PARTITION BY RANGE (taken_at);", findings: 1 },
  ],
} satisfies RuleCases;
