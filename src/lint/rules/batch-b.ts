import type { Rule } from "../rule.js";
import addingSerialOrIdentityColumn from "./adding-serial-or-identity-column.js";
import banAddExclusionConstraint from "./ban-add-exclusion-constraint.js";
import banDropConstraint from "./ban-drop-constraint.js";
import concurrentIndexRetryInvalid from "./concurrent-index-retry-invalid.js";
import fkNotValidOnPartitioned from "./fk-not-valid-on-partitioned.js";
import partitionedIndexNotConcurrent from "./partitioned-index-not-concurrent.js";
import primaryKeyOnNullableColumns from "./primary-key-on-nullable-columns.js";
import typeChangeUsingIgnoresColumn from "./type-change-using-ignores-column.js";
import validateInSameTransaction from "./validate-in-same-transaction.js";
import preferRepack from "./prefer-repack.js";
import preferRobustStmts from "./prefer-robust-stmts.js";
import renamingColumn from "./renaming-column.js";
import renamingTable from "./renaming-table.js";
import requireConcurrentIndexDeletion from "./require-concurrent-index-deletion.js";
import requireConcurrentPartitionDetach from "./require-concurrent-partition-detach.js";
import requireConcurrentReindex from "./require-concurrent-reindex.js";
import requireEnumValueOrdering from "./require-enum-value-ordering.js";
import requireStatementTimeout from "./require-statement-timeout.js";
import requireTableSchema from "./require-table-schema.js";
import transactionNesting from "./transaction-nesting.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_B = {
  "adding-serial-or-identity-column": addingSerialOrIdentityColumn,
  "ban-add-exclusion-constraint": banAddExclusionConstraint,
  "ban-drop-constraint": banDropConstraint,
  "concurrent-index-retry-invalid": concurrentIndexRetryInvalid,
  "fk-not-valid-on-partitioned": fkNotValidOnPartitioned,
  "partitioned-index-not-concurrent": partitionedIndexNotConcurrent,
  "primary-key-on-nullable-columns": primaryKeyOnNullableColumns,
  "type-change-using-ignores-column": typeChangeUsingIgnoresColumn,
  "validate-in-same-transaction": validateInSameTransaction,
  "prefer-repack": preferRepack,
  "prefer-robust-stmts": preferRobustStmts,
  "renaming-column": renamingColumn,
  "renaming-table": renamingTable,
  "require-concurrent-index-deletion": requireConcurrentIndexDeletion,
  "require-concurrent-partition-detach": requireConcurrentPartitionDetach,
  "require-concurrent-reindex": requireConcurrentReindex,
  "require-enum-value-ordering": requireEnumValueOrdering,
  "require-statement-timeout": requireStatementTimeout,
  "require-table-schema": requireTableSchema,
  "transaction-nesting": transactionNesting,
} as const satisfies Record<string, Rule>;
