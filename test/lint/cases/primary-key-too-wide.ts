import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE stock (warehouse int, aisle int, shelf int, bin int, qty int, PRIMARY KEY (warehouse, aisle, shelf, bin));",
    "CREATE TABLE stock (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, warehouse int, aisle int, shelf int, bin int, slot int, UNIQUE (warehouse, aisle, shelf, bin, slot));",
  ],
  invalid: [
    { sql: "CREATE TABLE stock (warehouse int, aisle int, shelf int, bin int, slot int, qty int, PRIMARY KEY (warehouse, aisle, shelf, bin, slot));", findings: 1 },
    { sql: 'CREATE TABLE stock (warehouse int, aisle int, shelf int, bin int, "Slot" int); ALTER TABLE stock ADD CONSTRAINT stock_pkey PRIMARY KEY (warehouse, aisle, shelf, bin, "Slot");', findings: 1 },
  ],
} satisfies RuleCases;
