import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text); CREATE INDEX orders_note_idx ON orders (note);",
  valid: [
    "REINDEX TABLE CONCURRENTLY orders;",
    "REINDEX (CONCURRENTLY, VERBOSE) INDEX orders_note_idx;",
    "REINDEX SYSTEM;",
    "CREATE TABLE items (id bigint, sku text); CREATE INDEX items_sku_idx ON items (sku); REINDEX INDEX items_sku_idx; REINDEX TABLE items;",
  ],
  invalid: [
    { sql: "REINDEX TABLE orders;", findings: 1 },
    { sql: "reindex (verbose) index orders_note_idx;", findings: 1 },
    { sql: "REINDEX (CONCURRENTLY false) INDEX orders_note_idx;", findings: 1 },
    { sql: "BEGIN;\nCREATE INDEX orders_id_note_idx ON orders (id, note);\nREINDEX INDEX orders_id_note_idx;\nCOMMIT;", findings: 1 },
  ],
} satisfies RuleCases;
