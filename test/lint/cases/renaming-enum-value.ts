import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';",
    "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';",
  ],
  invalid: [
    { sql: "ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';", findings: 1 },
    { sql: "CREATE TYPE public.mood AS ENUM ('ok'); ALTER TYPE app.mood RENAME VALUE 'ok' TO 'fine';", findings: 1 },
  ],
} satisfies RuleCases;
