import type { RuleCases } from "./case-types.js";

export default {
  valid: ["ALTER TABLE users ALTER COLUMN email SET DEFAULT '';", "CREATE TABLE t (a text NOT NULL); ALTER TABLE t ALTER COLUMN a DROP NOT NULL;"],
  invalid: [
    { sql: "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", findings: 1 },
    { sql: 'ALTER TABLE app."Users" ALTER email DROP NOT NULL, ALTER name DROP NOT NULL;', findings: 2 },
  ],
} satisfies RuleCases;
