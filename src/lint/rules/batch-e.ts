import type { Rule } from "../rule.js";
import typeChangeRevalidatesCheck from "./type-change-revalidates-check.js";
import statementAfterAccessExclusive from "./statement-after-access-exclusive.js";
import lockTimeoutMisconfigured from "./lock-timeout-misconfigured.js";
import combineAlterTable from "./combine-alter-table.js";
import analyzeAfterTypeChange from "./analyze-after-type-change.js";
import triggerDdlOnExistingTable from "./trigger-ddl-on-existing-table.js";
import refreshMatviewConcurrently from "./refresh-matview-concurrently.js";
import enumValueUsedInSameTransaction from "./enum-value-used-in-same-transaction.js";
import banUnbatchedDmlInMigration from "./ban-unbatched-dml-in-migration.js";
import attachPartitionWithoutCheck from "./attach-partition-without-check.js";
import autovacuumDisabled from "./autovacuum-disabled.js";
import banCurrentTime from "./ban-current-time.js";
import banDropCascade from "./ban-drop-cascade.js";
import banDropSchema from "./ban-drop-schema.js";
import banDropTablespace from "./ban-drop-tablespace.js";
import banSelectInto from "./ban-select-into.js";
import banTableRewriteMaintenance from "./ban-table-rewrite-maintenance.js";
import banTruncate from "./ban-truncate.js";
import insertWithoutColumnList from "./insert-without-column-list.js";
import renamingEnumValue from "./renaming-enum-value.js";
import renamingSchema from "./renaming-schema.js";
import replicaIdentityChange from "./replica-identity-change.js";
import selfAssigningUpdate from "./self-assigning-update.js";
import setLoggedUnlogged from "./set-logged-unlogged.js";
import stringifiedNull from "./stringified-null.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_E = {
  "type-change-revalidates-check": typeChangeRevalidatesCheck,
  "statement-after-access-exclusive": statementAfterAccessExclusive,
  "lock-timeout-misconfigured": lockTimeoutMisconfigured,
  "combine-alter-table": combineAlterTable,
  "analyze-after-type-change": analyzeAfterTypeChange,
  "trigger-ddl-on-existing-table": triggerDdlOnExistingTable,
  "refresh-matview-concurrently": refreshMatviewConcurrently,
  "enum-value-used-in-same-transaction": enumValueUsedInSameTransaction,
  "ban-unbatched-dml-in-migration": banUnbatchedDmlInMigration,
  "attach-partition-without-check": attachPartitionWithoutCheck,
  "autovacuum-disabled": autovacuumDisabled,
  "ban-current-time": banCurrentTime,
  "ban-drop-cascade": banDropCascade,
  "ban-drop-schema": banDropSchema,
  "ban-drop-tablespace": banDropTablespace,
  "ban-select-into": banSelectInto,
  "ban-table-rewrite-maintenance": banTableRewriteMaintenance,
  "ban-truncate": banTruncate,
  "insert-without-column-list": insertWithoutColumnList,
  "renaming-enum-value": renamingEnumValue,
  "renaming-schema": renamingSchema,
  "replica-identity-change": replicaIdentityChange,
  "self-assigning-update": selfAssigningUpdate,
  "set-logged-unlogged": setLoggedUnlogged,
  "stringified-null": stringifiedNull,
} as const satisfies Record<string, Rule>;
