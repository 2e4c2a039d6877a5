import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE customers (id bigint PRIMARY KEY, code varchar(20) UNIQUE);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, customer_code varchar(20) REFERENCES customers (code));",
    "CREATE DOMAIN customer_ref AS bigint; CREATE TABLE orders (id bigint PRIMARY KEY, customer_id customer_ref REFERENCES customers);",
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_code text REFERENCES customers (code), alt_code varchar(255) REFERENCES customers (code));",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer REFERENCES customers);", findings: 1 },
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_code varchar(10) REFERENCES customers (code));", findings: 1 },
    { sql: "CREATE TABLE tags (name text PRIMARY KEY); CREATE TABLE labels (id bigint PRIMARY KEY, tag varchar(255) REFERENCES tags);", findings: 1 },
    { sql: "CREATE TABLE events (at timestamp PRIMARY KEY); CREATE TABLE marks (id bigint PRIMARY KEY, at timestamptz REFERENCES events);", findings: 1 },
  ],
} satisfies RuleCases;
