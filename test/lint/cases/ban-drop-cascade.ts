import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "DROP VIEW order_totals;",
    "ALTER TABLE orders DROP COLUMN note;",
    "CREATE TABLE tmp_import (line text); DROP TABLE tmp_import CASCADE;",
  ],
  invalid: [
    { sql: "DROP TYPE IF EXISTS order_status CASCADE;", findings: 1 },
    { sql: "ALTER TABLE orders DROP COLUMN note CASCADE, DROP CONSTRAINT orders_total_check CASCADE;", findings: 2 },
    { sql: "DROP FUNCTION app.order_total(bigint) CASCADE;", findings: 1 },
  ],
} satisfies RuleCases;
