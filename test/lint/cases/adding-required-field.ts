import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE orders ADD COLUMN note text;",
    "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
    "ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL;",
    "CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN x int NOT NULL;",
  ],
  invalid: [{ sql: "ALTER TABLE orders ADD COLUMN status text NOT NULL;", findings: 1 }],
} satisfies RuleCases;
