import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE DOMAIN email AS text;", "CREATE DOMAIN account_id AS bigint NOT NULL;"],
  invalid: [
    { sql: "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);", findings: 1 },
    { sql: "CREATE DOMAIN app.code AS text NOT NULL CONSTRAINT code_length CHECK (char_length(VALUE) = 3) CHECK (VALUE ~ '^[A-Z]+$');", findings: 2 },
  ],
} satisfies RuleCases;
