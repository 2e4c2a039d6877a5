import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE tmp_import (line text); TRUNCATE tmp_import;", "DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE archived LIMIT 1000);"],
  invalid: [
    { sql: "TRUNCATE orders;", findings: 1 },
    { sql: "CREATE TABLE scratch (x int); TRUNCATE TABLE scratch, app.\"Events\" RESTART IDENTITY;", findings: 1 },
  ],
} satisfies RuleCases;
