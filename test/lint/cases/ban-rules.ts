import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric); CREATE TABLE orders_log (id bigint, total numeric);",
  valid: [
    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;",
    "CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$ BEGIN INSERT INTO orders_log VALUES (NEW.id, NEW.total); RETURN NEW; END $$; CREATE TRIGGER orders_log AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION log_order();",
  ],
  invalid: [
    { sql: "CREATE RULE orders_log AS ON INSERT TO orders DO ALSO INSERT INTO orders_log VALUES (NEW.id, NEW.total);", findings: 1 },
    { sql: "CREATE VIEW v AS SELECT id, total FROM orders; CREATE OR REPLACE RULE v_insert AS ON INSERT TO v DO INSTEAD INSERT INTO orders VALUES (NEW.id, NEW.total);", findings: 1 },
  ],
} satisfies RuleCases;
