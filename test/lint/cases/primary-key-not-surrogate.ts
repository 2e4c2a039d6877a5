import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE); CREATE TABLE countries (country_id integer PRIMARY KEY, code text);",
    "CREATE TABLE users (id uuid DEFAULT gen_random_uuid() PRIMARY KEY); CREATE TABLE groups (id serial PRIMARY KEY); CREATE TABLE memberships (user_id uuid REFERENCES users, group_id integer REFERENCES groups, PRIMARY KEY (user_id, group_id)); CREATE TABLE order_lines (line_no integer, user_id uuid REFERENCES users, PRIMARY KEY (user_id, line_no));",
  ],
  invalid: [
    { sql: "CREATE TABLE users (email text PRIMARY KEY, name text);", findings: 1 },
    { sql: "CREATE TABLE products (sku text, region text, PRIMARY KEY (sku, region));", findings: 1 },
  ],
} satisfies RuleCases;
