import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE docs (id bigint PRIMARY KEY, body jsonb NOT NULL);", "CREATE TABLE docs (id bigint PRIMARY KEY, raw text, tags jsonb[]);"],
  invalid: [
    { sql: "CREATE TABLE docs (id bigint PRIMARY KEY, body json NOT NULL);", findings: 1 },
    { sql: "CREATE TABLE docs (id bigint PRIMARY KEY); ALTER TABLE docs ADD COLUMN events json[], ADD COLUMN meta jsonb;", findings: 1 },
  ],
} satisfies RuleCases;
