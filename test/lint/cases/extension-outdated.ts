import type { RuleCases } from "./case-types.js";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [{ sql: "CREATE EXTENSION hstore;" }],
    invalid: [{ sql: "CREATE EXTENSION hstore VERSION '1.4';", findings: 1 }],
  },
} satisfies RuleCases;
