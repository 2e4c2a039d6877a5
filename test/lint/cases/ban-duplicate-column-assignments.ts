import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "UPDATE accounts SET balance = 0, updated_at = now() WHERE id = 1;",
    "UPDATE matrix SET cells[1] = 'x', cells[2] = 'y';",
    "INSERT INTO accounts (id, balance) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET balance = excluded.balance;",
  ],
  invalid: [
    { sql: "WITH moved AS (UPDATE accounts SET balance = 0, balance = 1 RETURNING id) SELECT * FROM moved;", findings: 1 },
    { sql: "INSERT INTO accounts (id, id) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET balance = 1, (balance, note) = (2, 'x');", findings: 2 },
    { sql: "CREATE TABLE t (a integer, b text, a bigint);", findings: 1 },
  ],
} satisfies RuleCases;
