import type { RuleCases } from "./case-types.js";

/** `n` expression indexes on t.a (a DO block, so the example stays short). */
const indexes = (n: number): string => `DO $$ BEGIN FOR i IN 1..${n} LOOP EXECUTE format('CREATE INDEX ON t ((a + %s))', i); END LOOP; END $$;`;

export default {
  valid: [
    `CREATE TABLE t (id bigint PRIMARY KEY, a int); ${indexes(19)}`,
    `CREATE TABLE t (id bigint, a int, d date) PARTITION BY RANGE (d); CREATE TABLE t1 PARTITION OF t FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); ${indexes(20)}`,
  ],
  invalid: [{ sql: `CREATE TABLE t (id bigint PRIMARY KEY, a int); ${indexes(20)}`, findings: 1 }],
} satisfies RuleCases;
