import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE vehicles (id bigint PRIMARY KEY, wheels int);",
  valid: [
    "CREATE TABLE trucks (id bigint PRIMARY KEY REFERENCES vehicles, payload numeric);",
    "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at); CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
  ],
  invalid: [
    { sql: "CREATE TABLE trucks (payload numeric) INHERITS (vehicles);", findings: 1 },
    { sql: 'CREATE TABLE "Bikes" (id bigint NOT NULL, wheels int); ALTER TABLE "Bikes" INHERIT vehicles;', findings: 1 },
  ],
} satisfies RuleCases;
