import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "BEGIN; ALTER TYPE order_status ADD VALUE 'refunded'; COMMIT; UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;",
    "BEGIN; CREATE TYPE mood AS ENUM ('ok'); ALTER TYPE mood ADD VALUE 'great'; CREATE TABLE people (m mood DEFAULT 'great'); COMMIT;",
    "ALTER TYPE order_status ADD VALUE 'refunded'; ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'refunded';",
  ],
  invalid: [
    { sql: "BEGIN; ALTER TYPE order_status ADD VALUE 'refunded'; UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL; COMMIT;", findings: 1 },
    { sql: "BEGIN; ALTER TYPE app.order_status ADD VALUE IF NOT EXISTS 'held' BEFORE 'paid'; ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'held', ADD CONSTRAINT not_held CHECK (status <> 'held'::app.order_status); COMMIT;", findings: 2 },
  ],
} satisfies RuleCases;
