import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text);",
  valid: [
    "SET lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN extra text;",
    "CREATE TABLE fresh (id int PRIMARY KEY); ALTER TABLE fresh ADD COLUMN x int; CREATE INDEX fresh_x_idx ON fresh (x);",
    "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);",
    // Tables made in this file, however a later statement names them.
    "CREATE SCHEMA app;\nSET search_path = app;\nCREATE TABLE fresh (id int PRIMARY KEY);\nALTER TABLE app.fresh ADD COLUMN x int;",
    "CREATE SCHEMA app;\nCREATE TABLE app.fresh (id int PRIMARY KEY);\nSET search_path = app, public;\nALTER TABLE fresh ADD COLUMN x int;",
    "CREATE SCHEMA app CREATE TABLE fresh (id int PRIMARY KEY);\nALTER TABLE app.fresh ADD COLUMN x int;",
    "CREATE TABLE fresh (id int PRIMARY KEY);\nALTER TABLE fresh RENAME TO renewed;\nALTER TABLE renewed ADD COLUMN x int;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD COLUMN extra text;", findings: 1 },
    { sql: "SET lock_timeout = '5s'; RESET lock_timeout; ALTER TABLE orders DROP COLUMN note;", findings: 1 },
    // Another schema's table of the same name is not the one made here.
    { sql: "CREATE SCHEMA app;\nCREATE TABLE app.orders (id int PRIMARY KEY);\nALTER TABLE public.orders ADD COLUMN x int;", findings: 1 },
  ],
} satisfies RuleCases;
