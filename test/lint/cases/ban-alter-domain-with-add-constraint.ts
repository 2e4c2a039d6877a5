import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;",
    "CREATE DOMAIN score AS integer; ALTER DOMAIN score ADD CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 100);",
    "ALTER DOMAIN positive VALIDATE CONSTRAINT positive_check;",
  ],
  invalid: [
    { sql: "ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);", findings: 1 },
    { sql: "CREATE DOMAIN app.score AS integer; ALTER DOMAIN app.code ADD CHECK (char_length(VALUE) = 3);", findings: 1 },
  ],
} satisfies RuleCases;
