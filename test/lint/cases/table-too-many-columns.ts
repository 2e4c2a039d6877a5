import type { RuleCases } from "./case-types.js";

/** `CREATE TABLE name (id bigint PRIMARY KEY, c2 int, …)` with `n` columns (`id bigint` then `tail` for a partitioned one). */
const wide = (name: string, n: number, tail = ""): string =>
  `CREATE TABLE ${name} (id bigint${tail ? "" : " PRIMARY KEY"}${Array.from({ length: n - 1 }, (_, i) => `, c${i + 2} int`).join("")})${tail};`;

export default {
  valid: [wide("profiles", 30), "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);"],
  invalid: [
    { sql: wide("profiles", 31), findings: 1 },
    { sql: `${wide("m", 40, " PARTITION BY RANGE (id)")} CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);`, findings: 1 },
  ],
} satisfies RuleCases;
