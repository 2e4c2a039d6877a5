import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12, 2) NOT NULL, currency char(3) NOT NULL);", "CREATE TABLE payments (id bigint PRIMARY KEY, amount_cents bigint);"],
  invalid: [
    { sql: "CREATE TABLE payments (id bigint PRIMARY KEY, amount money NOT NULL DEFAULT 0);", findings: 1 },
    { sql: "CREATE TABLE payments (id bigint PRIMARY KEY); ALTER TABLE payments ADD COLUMN refunds money[];", findings: 1 },
  ],
} satisfies RuleCases;
