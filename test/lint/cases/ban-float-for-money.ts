import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE items (id bigint PRIMARY KEY, price numeric(12, 2), total_weight double precision, tax_rate real);",
    "CREATE TABLE places (id bigint PRIMARY KEY, latitude double precision, score real, price_cents bigint);",
  ],
  invalid: [
    { sql: 'CREATE TABLE items (id bigint PRIMARY KEY, unit_price double precision, "totalAmount" real, weight real);', findings: 2 },
    { sql: "CREATE TABLE accounts (id bigint PRIMARY KEY); ALTER TABLE accounts ADD COLUMN balance float;", findings: 1 },
  ],
} satisfies RuleCases;
