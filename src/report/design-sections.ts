import type { DesignRun } from "../design/prove-design.js";
import { indexSql } from "../design/design-sql.js";
import { DESIGN_RULES } from "../design/rules/registry.js";
import { planToSql } from "./plan-sql.js";
import { hazardCounts, oneLine, summarizePlan } from "./plan-summary.js";

/** A part of the design report; Markdown, so the `md` and `html` formats say the same thing. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly markdown: string;
}

const cell = (text: string): string => oneLine(text).replaceAll("|", "\\|");
const code = (text: string): string => `\`${text.replaceAll("`", "'")}\``;
const sqlBlock = (text: string): string => `\`\`\`sql\n${text.trimEnd()}\n\`\`\``;

/** The UP script: the plan's steps, then the rows lookup tables need. */
export function upSql(run: DesignRun): string {
  const seeds = run.design.seeds.map((s) => s.sql);
  const plan = planToSql(run.plan, "up");
  return seeds.length === 0 ? plan : `${plan}\n-- rows of lookup tables (data the schema needs)\n${seeds.join("\n")}\n`;
}

export function downSql(run: DesignRun): string {
  return planToSql(run.plan, "down");
}

/** The verification queries as one psql script: each prints its name and pass. */
export function verifySql(run: DesignRun): string {
  const lines = run.design.verifications.map((v) => `SELECT ${`'${v.name.replaceAll("'", "''")}'`} AS "check", pass FROM (${v.sql}) AS v;`);
  return `-- ${run.design.name}: verification queries (every row must say pass = t)\n${lines.join("\n")}\n`;
}

/**
 * The six parts of the report (DDL; migration UP and DOWN; index recommendations; constraints; breaking changes;
 * verification queries), then the decisions with their reasons and the proof.
 */
export function designSections(run: DesignRun): ReportSection[] {
  const { design, plan, proof } = run;
  const summary = summarizePlan(plan);
  const sections: ReportSection[] = [];
  sections.push({ id: "ddl", title: "1. Schema (DDL)", markdown: sqlBlock(run.ddl) });

  const migration = [
    `${summary.withSql} steps; hazards: ${hazardCounts(summary)}; reversal: ${summary.reversal.reversible} reversible, ${summary.reversal.lossy} lossy, ${summary.reversal.irreversible} irreversible.`,
    "### UP",
    sqlBlock(upSql(run)),
    "### DOWN",
    sqlBlock(downSql(run)),
  ];
  sections.push({ id: "migration", title: "2. Migration", markdown: migration.join("\n\n") });

  const indexRows = design.indexes.map((i) => `| ${code(i.name)} | ${i.table} | ${i.method}${i.unique ? " unique" : ""} | ${cell(i.keys.join(", "))}${i.include ? ` INCLUDE (${i.include.join(", ")})` : ""}${i.where ? ` WHERE ${cell(i.where)}` : ""} | ${cell(i.serves.join("; "))} | ${cell(i.why)} | ${code(i.rule)} |`);
  const patternRows = proof.checks.filter((c) => c.kind === "index-use").map((c) => `| ${cell(c.name)} | ${c.ok ? "yes" : "**no**"} | ${cell(c.detail ?? "")} |`);
  sections.push({
    id: "indexes",
    title: "3. Index recommendations",
    markdown: [
      indexRows.length ? ["| index | table | method | keys | serves | why | rule |", "|---|---|---|---|---|---|---|", ...indexRows].join("\n") : "No secondary indexes: primary keys and unique constraints serve every pattern.",
      ...(patternRows.length ? ["Each access pattern's query, run with EXPLAIN on the sample rows (sequential scans priced out):", ["| pattern | uses its index | plan |", "|---|---|---|", ...patternRows].join("\n")] : []),
      ...(design.indexes.length ? [sqlBlock(design.indexes.map((i) => indexSql(design, i)).join("\n"))] : []),
    ].join("\n\n"),
  });

  const rejects = new Map(proof.checks.filter((c) => c.kind === "rejects").map((c) => [c.name, c]));
  const constraintRows = design.constraints
    .filter((c) => c.kind !== "not-null")
    .map((c) => {
      const check = rejects.get(`${c.kind} ${c.name}`);
      const proven = check === undefined ? "–" : check.ok ? "rejects a bad row" : `**${cell(check.detail ?? "failed")}**`;
      return `| ${code(c.name)} | ${c.table} | ${c.kind} | ${cell(c.asIndex ? "unique index" : c.definition)} | ${cell(c.why)} | ${proven} | ${code(c.rule)} |`;
    });
  const notNull = new Map<string, string[]>();
  for (const c of design.constraints.filter((x) => x.kind === "not-null")) notNull.set(c.table, [...(notNull.get(c.table) ?? []), c.definition]);
  sections.push({
    id: "constraints",
    title: "4. Constraints",
    markdown: [
      ["| constraint | table | kind | definition | why | proof | rule |", "|---|---|---|---|---|---|---|", ...constraintRows].join("\n"),
      "NOT NULL (required fields, keys, timestamps), each proven to reject NULL:",
      [...notNull].map(([t, cols]) => `- ${t}: ${cols.join(", ")}`).join("\n"),
    ].join("\n\n"),
  });

  const breaking = plan.steps.flatMap((s, i) => s.breaking.map((b) => `- step ${i + 1}: ${code(b.code)} ${oneLine(b.message)}`));
  const dataLoss = plan.steps.flatMap((s, i) => (s.hazards.some((h) => h.code === "data-loss") ? [`- step ${i + 1}: **data loss**: ${oneLine(s.why)}`] : []));
  sections.push({
    id: "breaking",
    title: "5. Breaking changes",
    markdown: breaking.length + dataLoss.length === 0
      ? run.from.tables.length === 0 ? "None: the schema is new." : "None: existing readers and writers keep working."
      : [...dataLoss, ...breaking].join("\n"),
  });

  const verified = proof.plan.checks.find((c) => c.name === "verify" && c.detail?.includes("design verification"));
  sections.push({
    id: "verification",
    title: "6. Verification queries",
    markdown: [
      `Each returns one row with \`pass\`; ${verified ? "all passed right after UP in the proof" : "all passed on the designed schema"}. Run them after deploying (\`verify.sql\` in \`--format sql\`).`,
      sqlBlock(verifySql(run)),
    ].join("\n\n"),
  });

  const decisionRows = design.decisions.map((d) => `| ${code(d.rule)} | ${cell(d.subject)} | ${cell(d.decision)} | ${cell(d.why)} |`);
  const rulesUsed = [...new Set(design.decisions.map((d) => d.rule))].sort();
  sections.push({
    id: "decisions",
    title: "Decisions",
    markdown: [
      ["| rule | subject | decision | why |", "|---|---|---|---|", ...decisionRows].join("\n"),
      "Rules:",
      rulesUsed.map((r) => `- ${code(r)}: ${DESIGN_RULES[r]}`).join("\n"),
    ].join("\n\n"),
  });

  const proofRows = [
    ...proof.checks.map((c) => `| ${c.kind} | ${cell(c.name)} | ${c.ok ? "pass" : "**fail**"} | ${cell(c.detail ?? "")} |`),
    ...proof.plan.checks.map((c) => `| migration ${c.name} | ${cell(c.detail ?? "")} | ${c.ok ? "pass" : "**fail**"} | |`),
  ];
  sections.push({
    id: "proof",
    title: "Proof",
    markdown: [
      proof.ok ? "Everything above ran on PostgreSQL and held." : "**The proof failed**: see the failing rows.",
      ["| check | what | result | detail |", "|---|---|---|---|", ...proofRows].join("\n"),
    ].join("\n\n"),
  });
  return sections;
}
