import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE customer_orders (id bigint PRIMARY KEY);",
    `COMMENT ON TABLE customer_orders IS '${"a string literal is not an identifier and may be as long as it likes, ".repeat(2)}';`,
    // Quoted names, all short (the check without the scanner), and a quote inside a string (with the scanner).
    `CREATE TABLE "Sales"."SalesOrderHeaderSalesReason" ("SalesOrderID" bigint PRIMARY KEY, "ModifiedDate" timestamptz);`,
    `CREATE TABLE "Sales"."Order" ("Id" bigint PRIMARY KEY, "Note" text DEFAULT '"${"x".repeat(70)}"');`,
  ],
  invalid: [
    { sql: `CREATE TABLE ${"a".repeat(64)} (id bigint PRIMARY KEY);`, findings: 1 },
    { sql: `CREATE INDEX "${"é".repeat(32)}" ON customer_orders (id);`, findings: 1 },
    { sql: `CREATE TABLE "Sales"."${"Order".repeat(13)}" ("Id" bigint PRIMARY KEY);`, findings: 1 },
    // 64 bytes once the doubled quote is one.
    { sql: `ALTER TABLE "t" RENAME COLUMN "a" TO "${"x".repeat(32)}""${"y".repeat(31)}";`, findings: 1 },
    { sql: `CREATE TABLE "a" (b text DEFAULT '"', "${"c".repeat(64)}" bigint);`, findings: 1 },
  ],
} satisfies RuleCases;
