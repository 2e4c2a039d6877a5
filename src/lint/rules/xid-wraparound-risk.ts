import { defineRule } from "../rule.js";
import { count, numberOption } from "../rules-support/live.js";

/** PostgreSQL stops assigning transaction IDs (refuses writes) about 3 million short of 2^31. */
const WRAPAROUND = 2 ** 31;

export default defineRule({
  id: "xid-wraparound-risk",
  severity: "error",
  docs: {
    summary:
      "The database's oldest unfrozen transaction ID (`age(datfrozenxid)`) is past `fraction` (default 0.5) of the 2^31 transactions at which PostgreSQL stops accepting writes; the tables holding it back are named.",
    why: "Transaction IDs are 32-bit and compared modulo 2^31: rows older than that must be frozen by VACUUM, or they would seem to be from the future. Autovacuum forces a freezing vacuum at `autovacuum_freeze_max_age` (200 million by default); an age far beyond it means freezing is falling behind (a long-running transaction, an abandoned replication slot or prepared transaction, autovacuum blocked or too slow), and at about 2.1 billion the server refuses writes until a VACUUM completes.",
    fix: "Find what holds the horizon back (`pg_stat_activity` for old `backend_xmin`, `pg_replication_slots`, `pg_prepared_xacts`), remove it, then `VACUUM (FREEZE, VERBOSE)` the oldest tables, biggest first.",
  },
  live: (_catalog, stats, context) => {
    const fraction = Math.min(numberOption(context, "fraction", 0.5), 1);
    if (stats.frozenXidAge <= fraction * WRAPAROUND) return [];
    const oldest = [...stats.tables].sort((a, b) => b.frozenXidAge - a.frozenXidAge).slice(0, 3);
    const held = oldest.length > 0 ? `; oldest tables: ${oldest.map((t) => `${t.schema}.${t.name} (${count(t.frozenXidAge)})`).join(", ")}` : "";
    return [
      {
        message: `database ${stats.database} is ${count(stats.frozenXidAge)} transactions past its oldest unfrozen ID: ${((stats.frozenXidAge / WRAPAROUND) * 100).toFixed(1)} % of the way to the write stop at 2^31 (autovacuum_freeze_max_age is ${count(stats.freezeMaxAge)})${held}`,
        object: stats.database,
      },
    ];
  },
});
