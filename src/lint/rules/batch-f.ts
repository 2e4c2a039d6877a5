import type { Rule } from "../rule.js";
import banNotInSubquery from "./ban-not-in-subquery.js";
import nullComparison from "./null-comparison.js";
import banBetweenTimestamps from "./ban-between-timestamps.js";
import multiColumnPartitionKey from "./multi-column-partition-key.js";
import partitionCoverageGap from "./partition-coverage-gap.js";
import rlsPolicyPerRowFunction from "./rls-policy-per-row-function.js";
import rlsPolicyColumnUnindexed from "./rls-policy-column-unindexed.js";
import securityDefinerView from "./security-definer-view.js";
import extensionAllowlist from "./extension-allowlist.js";
import schemaOwnerSystemRole from "./schema-owner-system-role.js";
import mixedObjectOwners from "./mixed-object-owners.js";
import tableNameInflection from "./table-name-inflection.js";
import banEnvironmentNamedSchema from "./ban-environment-named-schema.js";
import primaryKeyNotSurrogate from "./primary-key-not-surrogate.js";
import missingForeignKey from "./missing-foreign-key.js";
import fkToUniqueNotPk from "./fk-to-unique-not-pk.js";
import checkConstraintNotImmutable from "./check-constraint-not-immutable.js";
import banExplicitNullConstraint from "./ban-explicit-null-constraint.js";
import banSingleLetterIdentifier from "./ban-single-letter-identifier.js";
import banTypedTable from "./ban-typed-table.js";
import constantGeneratedColumn from "./constant-generated-column.js";
import numericWithScale from "./numeric-with-scale.js";
import requireExplicitConstraintName from "./require-explicit-constraint-name.js";
import tableColumnNameConflict from "./table-column-name-conflict.js";
import temporalColumnSuffix from "./temporal-column-suffix.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_F = {
  "numeric-with-scale": numericWithScale,
  "ban-explicit-null-constraint": banExplicitNullConstraint,
  "ban-typed-table": banTypedTable,
  "constant-generated-column": constantGeneratedColumn,
  "require-explicit-constraint-name": requireExplicitConstraintName,
  "ban-single-letter-identifier": banSingleLetterIdentifier,
  "table-column-name-conflict": tableColumnNameConflict,
  "temporal-column-suffix": temporalColumnSuffix,
  "table-name-inflection": tableNameInflection,
  "ban-environment-named-schema": banEnvironmentNamedSchema,
  "primary-key-not-surrogate": primaryKeyNotSurrogate,
  "missing-foreign-key": missingForeignKey,
  "fk-to-unique-not-pk": fkToUniqueNotPk,
  "check-constraint-not-immutable": checkConstraintNotImmutable,
  "rls-policy-per-row-function": rlsPolicyPerRowFunction,
  "rls-policy-column-unindexed": rlsPolicyColumnUnindexed,
  "security-definer-view": securityDefinerView,
  "extension-allowlist": extensionAllowlist,
  "schema-owner-system-role": schemaOwnerSystemRole,
  "mixed-object-owners": mixedObjectOwners,
  "ban-not-in-subquery": banNotInSubquery,
  "null-comparison": nullComparison,
  "ban-between-timestamps": banBetweenTimestamps,
  "multi-column-partition-key": multiColumnPartitionKey,
  "partition-coverage-gap": partitionCoverageGap,
} as const satisfies Record<string, Rule>;
