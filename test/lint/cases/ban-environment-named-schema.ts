import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE SCHEMA billing;", "CREATE SCHEMA test_results; CREATE SCHEMA products; ALTER SCHEMA products RENAME TO catalog;", "CREATE SCHEMA production_lines;"],
  invalid: [
    { sql: "CREATE SCHEMA prod_billing; CREATE SCHEMA production;", findings: 2 },
    { sql: "CREATE SCHEMA IF NOT EXISTS billing_stg; CREATE SCHEMA billing; ALTER SCHEMA billing RENAME TO sandbox;", findings: 2 },
  ],
} satisfies RuleCases;
