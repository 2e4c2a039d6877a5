import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE tag (id bigint PRIMARY KEY, label text);", "CREATE TABLE tags (id bigint PRIMARY KEY, tag text);"],
  invalid: [
    { sql: "CREATE TABLE tag (id bigint PRIMARY KEY, tag text);", findings: 1 },
    { sql: `CREATE TABLE "Status" (id bigint PRIMARY KEY); ALTER TABLE "Status" ADD COLUMN "Status" text;`, findings: 1 },
  ],
} satisfies RuleCases;
