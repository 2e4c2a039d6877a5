import type { Rule } from "../rule.js";
import databaseEncodingSqlAscii from "./database-encoding-sql-ascii.js";
import extensionOutdated from "./extension-outdated.js";
import fkMissingIndexInUse from "./fk-missing-index-in-use.js";
import indexesHeavierThanTable from "./indexes-heavier-than-table.js";
import invalidIndex from "./invalid-index.js";
import seqScanHeavyTable from "./seq-scan-heavy-table.js";
import sequenceNearExhaustion from "./sequence-near-exhaustion.js";
import tableExposedWithoutRls from "./table-exposed-without-rls.js";
import tableNotAnalyzed from "./table-not-analyzed.js";
import tableNotVacuumed from "./table-not-vacuumed.js";
import unusedIndex from "./unused-index.js";
import unusedTable from "./unused-table.js";
import xidWraparoundRisk from "./xid-wraparound-risk.js";

/** The live rules: they read a database's statistics (scans, sizes, dead rows, sequence positions, xid age, access). */
export const BATCH_G = {
  "unused-index": unusedIndex,
  "invalid-index": invalidIndex,
  "fk-missing-index-in-use": fkMissingIndexInUse,
  "sequence-near-exhaustion": sequenceNearExhaustion,
  "xid-wraparound-risk": xidWraparoundRisk,
  "table-exposed-without-rls": tableExposedWithoutRls,
  "seq-scan-heavy-table": seqScanHeavyTable,
  "table-not-vacuumed": tableNotVacuumed,
  "table-not-analyzed": tableNotAnalyzed,
  "unused-table": unusedTable,
  "indexes-heavier-than-table": indexesHeavierThanTable,
  "extension-outdated": extensionOutdated,
  "database-encoding-sql-ascii": databaseEncodingSqlAscii,
} as const satisfies Record<string, Rule>;
