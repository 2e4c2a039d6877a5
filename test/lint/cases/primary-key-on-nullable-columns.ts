import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint, note text); CREATE TABLE legacy (code text NOT NULL);",
  valid: [
    "ALTER TABLE orders ADD COLUMN uid bigint;\nALTER TABLE orders ALTER COLUMN uid SET NOT NULL;\nALTER TABLE orders ADD PRIMARY KEY (uid);",
    "CREATE TABLE items (id bigint, sku text);\nALTER TABLE items ADD PRIMARY KEY (id);",
    "ALTER TABLE legacy ADD PRIMARY KEY (code);",
  ],
  invalid: [
    {
      sql: "ALTER TABLE orders ADD COLUMN uid bigint;\nCREATE UNIQUE INDEX CONCURRENTLY orders_uid_key ON orders (uid);\nALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_uid_key;",
      findings: 1,
    },
    { sql: "ALTER TABLE legacy ALTER COLUMN code DROP NOT NULL;\nALTER TABLE legacy ADD PRIMARY KEY (code);", findings: 1 },
  ],
} satisfies RuleCases;
