/**
 * pg-schema's library API. Everything here is also what the CLI uses.
 *
 * @example
 * ```ts
 * import { loadCatalog, catalogToSql } from "pg-schema";
 * const catalog = await loadCatalog("schema.sql");          // or a postgres:// URL, or a snapshot .json
 * console.log(catalog.tables.map((t) => `${t.schema}.${t.name}`));
 * console.log(catalogToSql(catalog));                      // DDL that recreates it
 * ```
 */
export type * from "./catalog/model.js";
export { CATALOG_FORMAT_VERSION } from "./catalog/model.js";
export { canonicalize, canonicalJson, catalogHash, schemaContent } from "./catalog/canonical.js";
export { introspect, UnknownSchemaError, type IntrospectOptions } from "./catalog/introspect.js";
export { objectId, kindOf, type ObjectKind } from "./catalog/object-id.js";
export type { Database, DriverName, Queryable, Row, Session } from "./db/queryable.js";
export { ConnectionError, DatabaseError } from "./db/errors.js";
export { openDatabase, openPglite, type OpenDatabaseOptions } from "./db/open.js";
export { catalogToSql, catalogPieces, type DdlOptions } from "./sql/ddl.js";
export { ident, literal, qualified } from "./sql/ident.js";
export { loadCatalog, parseSource, UnknownSourceError, type LoadOptions, type SourceSpec } from "./sources/source.js";
export { readSnapshot, SnapshotError } from "./sources/snapshot.js";
export { SqlSourceError } from "./sources/source-error.js";
export { applySql, type SqlText } from "./sources/apply-sql.js";
export { planMigration } from "./plan/plan.js";
export { isEmptyPlan, type Plan } from "./plan/plan-types.js";
export type { Step, StepChange, Reversal, TransactionMode, Lock, LockLevel } from "./plan/step.js";
export { HAZARD_CODES, type Hazard, type HazardCode } from "./plan/hazards.js";
export { BREAKING_CODES, type BreakingNote, type BreakingCode } from "./plan/breaking.js";
export { resolvePlanOptions, type PlanOptions, type RenameHint, type ResolvedPlanOptions } from "./plan/options.js";
export { applySteps, applyUp, applyDown, type ApplyResult, type ApplyFailure } from "./plan/apply.js";
export { provePlan, type ProofReport, type ProofCheck, type ProofFailure, type ProofPhase, type ProveOptions } from "./plan/prove.js";
export { planToSql } from "./report/plan-sql.js";
export { planToJson, PLAN_JSON_FORMAT_VERSION } from "./report/plan-json.js";
export { planToMarkdown } from "./report/plan-markdown.js";
export { parseSpec, type ParsedSpec } from "./design/spec/parse-spec.js";
export { SpecError, type SpecLocation } from "./design/spec/spec-error.js";
export type { Spec, EntitySpec, FieldSpec, RelationshipSpec, AccessPatternSpec } from "./design/spec/spec-schema.js";
export { designFromSpec, type DesignOptions } from "./design/build-design.js";
export type { Design, Decision, DesignTable, DesignIndex, DesignConstraint, Verification } from "./design/design-types.js";
export { DESIGN_RULES, type DesignRuleId } from "./design/rules/registry.js";
export { designToSql } from "./design/design-sql.js";
export { runDesign, type DesignRun, type DesignProof, type DesignRunOptions, type ExerciseCheck } from "./design/prove-design.js";
export { designToMarkdown } from "./report/design-markdown.js";
export { designToJson, DESIGN_JSON_FORMAT_VERSION } from "./report/design-json.js";
export { designToHtml } from "./report/design-html.js";
export { insertSampleRows, type SampleOptions, type SampleReport } from "./sample/index.js";
