import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE audit (id bigint); CREATE TRIGGER audit_stamp BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION stamp(); ALTER TABLE audit DISABLE TRIGGER audit_stamp;",
    "CREATE OR REPLACE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
  ],
  invalid: [
    { sql: "CREATE TRIGGER orders_stamp BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION stamp();", findings: 1 },
    { sql: "DROP TRIGGER IF EXISTS orders_stamp ON app.orders;", findings: 1 },
    { sql: "ALTER TABLE orders DISABLE TRIGGER ALL, ENABLE TRIGGER orders_stamp;", findings: 2 },
  ],
} satisfies RuleCases;
