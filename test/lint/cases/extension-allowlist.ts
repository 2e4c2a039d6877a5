import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION \"uuid-ossp\" SCHEMA extensions;", "CREATE EXTENSION postgis; CREATE EXTENSION plpgsql;"],
  invalid: [
    { sql: "CREATE EXTENSION IF NOT EXISTS timescaledb;", findings: 1 },
    { sql: "CREATE EXTENSION plpython3u; CREATE LANGUAGE plperlu; CREATE EXTENSION citext;", findings: 2 },
  ],
} satisfies RuleCases;
