import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE orders ALTER COLUMN note SET DEFAULT NULL;",
    "INSERT INTO docs (body) VALUES ('null'), ('[1, null]');",
    "UPDATE orders SET note = NULL WHERE note = 'NULL' OR note IN ('null', 'NULL');",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint, note text DEFAULT 'NULL');", findings: 1 },
    { sql: "UPDATE orders SET note = 'Null' WHERE note = ' NULL ';", findings: 1 },
    { sql: "INSERT INTO orders (id, note) VALUES (1, 'NULL'::text), (2, 'x'); ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'NULL';", findings: 2 },
  ],
} satisfies RuleCases;
