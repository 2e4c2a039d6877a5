import type { Rule } from "../rule.js";
import addingRequiredField from "./adding-required-field.js";
import banConcurrentIndexCreationInTransaction from "./ban-concurrent-index-creation-in-transaction.js";
import banDropColumn from "./ban-drop-column.js";
import banUncommittedTransaction from "./ban-uncommitted-transaction.js";
import constraintMissingNotValid from "./constraint-missing-not-valid.js";
import fkMissingIndex from "./fk-missing-index.js";
import preferIdentity from "./prefer-identity.js";
import preferTextField from "./prefer-text-field.js";
import preferTimestamptz from "./prefer-timestamptz.js";
import requireConcurrentIndexCreation from "./require-concurrent-index-creation.js";
import requireLockTimeout from "./require-lock-timeout.js";
import requirePrimaryKey from "./require-primary-key.js";
import rlsEnabledNoPolicy from "./rls-enabled-no-policy.js";
import { BATCH_A } from "./batch-a.js";
import { BATCH_B } from "./batch-b.js";
import { BATCH_C } from "./batch-c.js";
import { BATCH_D } from "./batch-d.js";
import { BATCH_E } from "./batch-e.js";
import { BATCH_F } from "./batch-f.js";
import { BATCH_G } from "./batch-g.js";

/**
 * Every lint rule, by id. The registry is closed: a rule exists when it is listed here, its id is its file name
 * (a test checks both ways), and it has a docs page `docs/rules/<id>.md` whose examples a test runs.
 */
export const RULES = {
  "adding-required-field": addingRequiredField,
  "ban-concurrent-index-creation-in-transaction": banConcurrentIndexCreationInTransaction,
  "ban-drop-column": banDropColumn,
  "ban-uncommitted-transaction": banUncommittedTransaction,
  "constraint-missing-not-valid": constraintMissingNotValid,
  "fk-missing-index": fkMissingIndex,
  "prefer-identity": preferIdentity,
  "prefer-text-field": preferTextField,
  "prefer-timestamptz": preferTimestamptz,
  "require-concurrent-index-creation": requireConcurrentIndexCreation,
  "require-lock-timeout": requireLockTimeout,
  "require-primary-key": requirePrimaryKey,
  "rls-enabled-no-policy": rlsEnabledNoPolicy,
  ...BATCH_A,
  ...BATCH_B,
  ...BATCH_C,
  ...BATCH_D,
  ...BATCH_E,
  ...BATCH_F,
  ...BATCH_G,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_LIST: readonly Rule[] = Object.values(RULES);
