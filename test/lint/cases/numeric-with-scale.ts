import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric NOT NULL CHECK (amount = round(amount, 2)));", "CREATE TABLE rates (id bigint PRIMARY KEY, ratio double precision, n integer);"],
  invalid: [
    { sql: "CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12,2), share decimal(5));", findings: 2 },
    { sql: "CREATE TABLE p (id bigint PRIMARY KEY); ALTER TABLE p ADD COLUMN prices numeric(10,4)[];", findings: 1 },
  ],
} satisfies RuleCases;
