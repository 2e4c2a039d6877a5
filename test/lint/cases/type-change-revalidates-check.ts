import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE orders ALTER COLUMN code TYPE varchar(50); ALTER TABLE orders ADD CONSTRAINT orders_code_check CHECK (code <> '') NOT VALID;",
    "ALTER TABLE orders ADD CONSTRAINT orders_code_check CHECK (code <> '') NOT VALID; ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);",
    "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check; ALTER TABLE orders ALTER COLUMN code TYPE text;",
    "ALTER TABLE orders ADD CONSTRAINT orders_code_check CHECK (code <> ''); ALTER TABLE orders DROP CONSTRAINT orders_code_check; ALTER TABLE orders ALTER COLUMN code TYPE text;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_code_check CHECK (length(code) > 2) NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT orders_code_check; ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);", findings: 1 },
    { sql: "ALTER TABLE app.orders ADD COLUMN qty int CHECK (qty > 0), ADD CHECK (total > qty); ALTER TABLE app.orders ALTER COLUMN qty TYPE bigint, ALTER COLUMN total TYPE numeric;", findings: 2 },
  ],
} satisfies RuleCases;
