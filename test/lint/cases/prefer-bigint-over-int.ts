import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, login_count integer NOT NULL DEFAULT 0);",
    "CREATE TABLE tags (id bigint PRIMARY KEY); CREATE TABLE post_tags (tag_id bigint REFERENCES tags, weight int);",
  ],
  invalid: [
    { sql: "CREATE TABLE accounts (id serial PRIMARY KEY, n int);", findings: 1 },
    { sql: "CREATE TABLE accounts (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, account_id int REFERENCES accounts);", findings: 2 },
    { sql: "CREATE TABLE memberships (group_id int4, user_id bigint, PRIMARY KEY (group_id, user_id));", findings: 1 },
  ],
} satisfies RuleCases;
