import { canonicalJson } from "../catalog/canonical.js";
import type { DesignRun } from "../design/prove-design.js";
import { downSql, upSql, verifySql } from "./design-sections.js";
import { planToJson } from "./plan-json.js";

/** Bumped when a field changes meaning or goes away. */
export const DESIGN_JSON_FORMAT_VERSION = 1;

/** The whole report as byte-stable JSON: the design with every decision, the DDL, the migration and the proof. */
export function designToJson(run: DesignRun): string {
  const { design } = run;
  return `${canonicalJson({
    formatVersion: DESIGN_JSON_FORMAT_VERSION,
    name: design.name,
    ddl: run.ddl,
    migration: { up: upSql(run), down: downSql(run), plan: JSON.parse(planToJson(run.plan, run.proof.plan)) as unknown },
    indexes: design.indexes,
    constraints: design.constraints,
    breaking: run.plan.steps.flatMap((s, i) => s.breaking.map((b) => ({ step: i + 1, ...b }))),
    verification: { queries: design.verifications, script: verifySql(run) },
    decisions: design.decisions,
    tables: design.tables,
    policies: design.policies,
    patterns: design.patterns,
    proof: run.proof,
  })}\n`;
}
