import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "UPDATE orders SET status = 'open' WHERE id BETWEEN 1 AND 5000;",
    "CREATE TABLE staging (id bigint, v text); UPDATE staging SET v = upper(v); DELETE FROM staging;",
  ],
  invalid: [
    { sql: "UPDATE orders SET status = 'open';", findings: 1 },
    { sql: "BEGIN; ALTER TABLE orders ADD COLUMN region text; UPDATE orders SET region = 'eu'; DELETE FROM app.order_log; COMMIT;", findings: 2 },
  ],
} satisfies RuleCases;
