import type { BreakingCode } from "./breaking.js";
import { hazard, type Hazard, type HazardCode } from "./hazards.js";
import type { Step } from "./step.js";

/** What each breaking note means for the statements of the application, as hazard codes. */
const BREAKING_HAZARDS: Readonly<Record<BreakingCode, readonly HazardCode[]>> = {
  // Writers break too when the relation is a table: its drop and rename steps say so themselves.
  "relation-removed": ["breaking-readers"],
  "relation-renamed": ["breaking-readers"],
  "column-removed": ["breaking-readers"],
  "column-renamed": ["breaking-readers", "breaking-writers"],
  "column-type-changed": ["breaking-readers"],
  "column-collation-changed": ["breaking-readers"],
  "relation-rows-changed": ["breaking-readers"],
  "not-null-added": ["breaking-writers"],
  "default-removed": ["breaking-writers"],
  "constraint-added": ["breaking-writers"],
  "enum-value-removed": ["breaking-writers"],
  "routine-removed": ["breaking-readers"],
  "routine-signature-changed": ["breaking-readers"],
  "policy-denies": ["authorization-change"],
  "privilege-revoked": ["authorization-change"],
  "type-removed": ["breaking-readers"],
  "schema-removed": ["breaking-readers"],
};

/**
 * Hazards that follow from others, added once here so every step states them the same way: a rewrite holds its
 * ACCESS EXCLUSIVE lock for the whole rewrite; a breaking note breaks readers or writers.
 */
export function withDerivedHazards(step: Step): Step {
  const have = new Set(step.hazards.map((h) => h.code));
  const added: Hazard[] = [];
  const add = (code: HazardCode, message: string): void => {
    if (have.has(code)) return;
    have.add(code);
    added.push(hazard(code, message));
  };
  if (have.has("table-rewrite")) add("long-lock", "the ACCESS EXCLUSIVE lock is held for the whole rewrite");
  for (const note of step.breaking) for (const code of BREAKING_HAZARDS[note.code]) add(code, note.message);
  return added.length === 0 ? step : { ...step, hazards: [...step.hazards, ...added] };
}
