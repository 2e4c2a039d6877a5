import type { Rule } from "../rule.js";
import banFloatForMoney from "./ban-float-for-money.js";
import banMoneyType from "./ban-money-type.js";
import banPgPrefixIdentifier from "./ban-pg-prefix-identifier.js";
import banRegTypes from "./ban-reg-types.js";
import banReservedKeywordIdentifiers from "./ban-reserved-keyword-identifiers.js";
import banTimestampPrecisionZero from "./ban-timestamp-precision-zero.js";
import banTimetz from "./ban-timetz.js";
import banUnloggedTable from "./ban-unlogged-table.js";
import banUppercaseIdentifiers from "./ban-uppercase-identifiers.js";
import columnTypeInconsistent from "./column-type-inconsistent.js";
import duplicateKeyColumn from "./duplicate-key-column.js";
import fkTypeMismatch from "./fk-type-mismatch.js";
import nullableBoolean from "./nullable-boolean.js";
import preferIdentityAlways from "./prefer-identity-always.js";
import preferJsonb from "./prefer-jsonb.js";
import preferLookupTableOverEnum from "./prefer-lookup-table-over-enum.js";
import sequenceTypeNarrowerThanColumn from "./sequence-type-narrower-than-column.js";
import tableTooManyColumns from "./table-too-many-columns.js";
import tableWithoutIndex from "./table-without-index.js";
import uniqueNullableColumns from "./unique-nullable-columns.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_C = {
  "ban-float-for-money": banFloatForMoney,
  "ban-money-type": banMoneyType,
  "ban-pg-prefix-identifier": banPgPrefixIdentifier,
  "ban-reg-types": banRegTypes,
  "ban-reserved-keyword-identifiers": banReservedKeywordIdentifiers,
  "ban-timestamp-precision-zero": banTimestampPrecisionZero,
  "ban-timetz": banTimetz,
  "ban-unlogged-table": banUnloggedTable,
  "ban-uppercase-identifiers": banUppercaseIdentifiers,
  "column-type-inconsistent": columnTypeInconsistent,
  "duplicate-key-column": duplicateKeyColumn,
  "fk-type-mismatch": fkTypeMismatch,
  "nullable-boolean": nullableBoolean,
  "prefer-identity-always": preferIdentityAlways,
  "prefer-jsonb": preferJsonb,
  "prefer-lookup-table-over-enum": preferLookupTableOverEnum,
  "sequence-type-narrower-than-column": sequenceTypeNarrowerThanColumn,
  "table-too-many-columns": tableTooManyColumns,
  "table-without-index": tableWithoutIndex,
  "unique-nullable-columns": uniqueNullableColumns,
} as const satisfies Record<string, Rule>;
