import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql AS 'SELECT clock_timestamp()';",
  valid: [
    "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
    "ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN tags text[] DEFAULT '{}'::text[];",
    "ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;",
    "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT pg_catalog.now();",
    "CREATE TABLE refunds (id bigint PRIMARY KEY); ALTER TABLE refunds ADD COLUMN token uuid DEFAULT gen_random_uuid();",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();", findings: 1 },
    { sql: "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp(), ADD COLUMN n int DEFAULT next_order_number();", findings: 2 },
    // Not the built-in now(): a function of the same name in another schema, volatile here.
    { sql: "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT public.now();", findings: 1 },
    { sql: 'ALTER TABLE IF EXISTS orders ADD COLUMN IF NOT EXISTS "Rank" double precision DEFAULT random() * 10;', findings: 1 },
  ],
} satisfies RuleCases;
