import type { Rule } from "../rule.js";
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
