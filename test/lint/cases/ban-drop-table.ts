import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE tmp_import (line text); DROP TABLE tmp_import;", "DROP VIEW old_report;"],
  invalid: [
    { sql: "DROP TABLE orders;", findings: 1 },
    { sql: 'DROP TABLE IF EXISTS app.orders, "Audit" CASCADE;', findings: 2 },
  ],
} satisfies RuleCases;
