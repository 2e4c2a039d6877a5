import type { RuleCases } from "./case-types.js";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [{ sql: "CREATE TABLE t (id bigint PRIMARY KEY, name text);" }],
    invalid: [{ sql: "CREATE TABLE t (id bigint PRIMARY KEY, name text);", createDatabase: "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0", findings: 1 }],
  },
} satisfies RuleCases;
