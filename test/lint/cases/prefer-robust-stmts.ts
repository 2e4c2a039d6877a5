import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text, old text); CREATE INDEX orders_old_idx ON orders (old);",
  valid: [
    "BEGIN;\nCREATE TABLE items (id bigint PRIMARY KEY);\nDROP INDEX orders_old_idx;\nALTER TABLE orders ADD COLUMN extra text;\nCOMMIT;",
    "CREATE TABLE IF NOT EXISTS items (id bigint);\nDROP INDEX CONCURRENTLY IF EXISTS orders_note_idx;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);",
    "ALTER TABLE orders ADD COLUMN IF NOT EXISTS extra text, DROP COLUMN IF EXISTS old, DROP CONSTRAINT IF EXISTS orders_old_check;",
    "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_check;\nALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;",
    "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '');\nCOMMIT;",
  ],
  invalid: [
    { sql: "CREATE TABLE items (id bigint PRIMARY KEY);", findings: 1 },
    { sql: "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\nDROP INDEX orders_old_idx;", findings: 2 },
    { sql: "ALTER TABLE orders ADD COLUMN extra text, DROP COLUMN old;", findings: 2 },
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;", findings: 1 },
    { sql: "ALTER TABLE orders ADD CHECK (note <> '');", findings: 1 },
    // Dropped once, added twice: the second ADD fails on a rerun (and on the first run).
    { sql: "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_check;\nALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;\nALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;", findings: 1 },
  ],
} satisfies RuleCases;
