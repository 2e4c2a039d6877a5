import type { Rule } from "../rule.js";
import addingFieldWithDefault from "./adding-field-with-default.js";
import addingForeignKeyConstraint from "./adding-foreign-key-constraint.js";
import addingNotNullableField from "./adding-not-nullable-field.js";
import addingStoredGeneratedColumn from "./adding-stored-generated-column.js";
import banAlterDomainWithAddConstraint from "./ban-alter-domain-with-add-constraint.js";
import banCharField from "./ban-char-field.js";
import banCreateDomainWithConstraint from "./ban-create-domain-with-constraint.js";
import banDropDatabase from "./ban-drop-database.js";
import banDropNotNull from "./ban-drop-not-null.js";
import banDropTable from "./ban-drop-table.js";
import banDuplicateColumnAssignments from "./ban-duplicate-column-assignments.js";
import banTruncateCascade from "./ban-truncate-cascade.js";
import changingColumnType from "./changing-column-type.js";
import disallowedUniqueConstraint from "./disallowed-unique-constraint.js";
import identifierTooLong from "./identifier-too-long.js";
import preferBigintOverInt from "./prefer-bigint-over-int.js";
import preferBigintOverSmallint from "./prefer-bigint-over-smallint.js";
import requirePrimaryKeyUsingIndex from "./require-primary-key-using-index.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_A = {
  "adding-field-with-default": addingFieldWithDefault,
  "adding-foreign-key-constraint": addingForeignKeyConstraint,
  "adding-not-nullable-field": addingNotNullableField,
  "adding-stored-generated-column": addingStoredGeneratedColumn,
  "ban-alter-domain-with-add-constraint": banAlterDomainWithAddConstraint,
  "ban-char-field": banCharField,
  "ban-create-domain-with-constraint": banCreateDomainWithConstraint,
  "ban-drop-database": banDropDatabase,
  "ban-drop-not-null": banDropNotNull,
  "ban-drop-table": banDropTable,
  "ban-duplicate-column-assignments": banDuplicateColumnAssignments,
  "ban-truncate-cascade": banTruncateCascade,
  "changing-column-type": changingColumnType,
  "disallowed-unique-constraint": disallowedUniqueConstraint,
  "identifier-too-long": identifierTooLong,
  "prefer-bigint-over-int": preferBigintOverInt,
  "prefer-bigint-over-smallint": preferBigintOverSmallint,
  "require-primary-key-using-index": requirePrimaryKeyUsingIndex,
} as const satisfies Record<string, Rule>;
