import type { Rule } from "../rule.js";
import banRules from "./ban-rules.js";
import banTableInheritance from "./ban-table-inheritance.js";
import defaultPartitionHazard from "./default-partition-hazard.js";
import extensionInPublic from "./extension-in-public.js";
import fkCrossSchema from "./fk-cross-schema.js";
import primaryKeyTooWide from "./primary-key-too-wide.js";
import publicSchemaCreate from "./public-schema-create.js";
import viewSelectStar from "./view-select-star.js";
import checkConstraintTautology from "./check-constraint-tautology.js";
import checkConstraintUnsatisfiable from "./check-constraint-unsatisfiable.js";
import duplicateIndex from "./duplicate-index.js";
import functionSearchPathMutable from "./function-search-path-mutable.js";
import multiplePermissivePolicies from "./multiple-permissive-policies.js";
import policyExistsRlsDisabled from "./policy-exists-rls-disabled.js";
import rlsNotForced from "./rls-not-forced.js";
import rlsPolicyAlwaysTrue from "./rls-policy-always-true.js";
import securityDefinerFunctionPublicExecute from "./security-definer-function-public-execute.js";
import redundantPrefixIndex from "./redundant-prefix-index.js";
import tooManyIndexes from "./too-many-indexes.js";
import wideNonUniqueIndex from "./wide-non-unique-index.js";

/** Rules registered from this batch file (one rule per file beside it; id = file name). Merged into RULES. */
export const BATCH_D = {
  "check-constraint-tautology": checkConstraintTautology,
  "check-constraint-unsatisfiable": checkConstraintUnsatisfiable,
  "duplicate-index": duplicateIndex,
  "redundant-prefix-index": redundantPrefixIndex,
  "too-many-indexes": tooManyIndexes,
  "wide-non-unique-index": wideNonUniqueIndex,
  "function-search-path-mutable": functionSearchPathMutable,
  "multiple-permissive-policies": multiplePermissivePolicies,
  "policy-exists-rls-disabled": policyExistsRlsDisabled,
  "rls-not-forced": rlsNotForced,
  "rls-policy-always-true": rlsPolicyAlwaysTrue,
  "security-definer-function-public-execute": securityDefinerFunctionPublicExecute,
  "ban-rules": banRules,
  "ban-table-inheritance": banTableInheritance,
  "default-partition-hazard": defaultPartitionHazard,
  "extension-in-public": extensionInPublic,
  "fk-cross-schema": fkCrossSchema,
  "primary-key-too-wide": primaryKeyTooWide,
  "public-schema-create": publicSchemaCreate,
  "view-select-star": viewSelectStar,
} as const satisfies Record<string, Rule>;
