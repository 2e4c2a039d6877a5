import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TYPE status AS ENUM ('new', 'paid');",
  valid: [
    "ALTER TYPE status ADD VALUE 'shipped' AFTER 'paid';",
    "ALTER TYPE status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new';",
    "ALTER TYPE status RENAME VALUE 'paid' TO 'settled';",
  ],
  invalid: [
    { sql: "ALTER TYPE status ADD VALUE 'shipped';", findings: 1 },
    { sql: "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'cancelled';", findings: 1 },
  ],
} satisfies RuleCases;
