import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "BEGIN; SET LOCAL lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN note text; COMMIT; CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);",
    "BEGIN; CREATE TABLE staging (id bigint); ALTER TABLE staging ADD COLUMN v text; INSERT INTO staging (id) VALUES (1); COMMIT;",
    "ALTER TABLE orders ADD COLUMN note text; UPDATE orders SET note = '' WHERE id = 1;",
    "BEGIN; ALTER SCHEMA reporting RENAME TO analytics; UPDATE settings SET value = 'analytics' WHERE key = 'schema'; COMMIT;",
  ],
  invalid: [
    { sql: "BEGIN; ALTER TABLE orders ADD COLUMN note text; UPDATE orders SET note = '' WHERE id < 1000; CREATE INDEX orders_note_idx ON orders (note); COMMIT;", findings: 1 },
    { sql: "BEGIN; ALTER TABLE orders RENAME COLUMN total TO amount; SET LOCAL statement_timeout = '1min'; ALTER TABLE accounts ADD COLUMN tier int; COMMIT; BEGIN; DROP TABLE old_orders; ANALYZE accounts; COMMIT;", findings: 2 },
  ],
} satisfies RuleCases;
