import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE users (id bigint PRIMARY KEY, email text, name text NOT NULL);", "ALTER TABLE users ADD COLUMN nickname text DEFAULT NULL;"],
  invalid: [
    { sql: "CREATE TABLE users (id bigint PRIMARY KEY, email text NULL, phone text NULL DEFAULT NULL);", findings: 2 },
    { sql: "ALTER TABLE users ADD COLUMN nickname text NULL;", findings: 1 },
  ],
} satisfies RuleCases;
