import type { Plan } from "../plan/plan-types.js";
import type { ProofReport } from "../plan/prove.js";
import type { Step } from "../plan/step.js";
import { hazardCounts, oneLine, summarizePlan } from "./plan-summary.js";

/**
 * A review of the plan for a human: what it does and what can go wrong first (counts, hazards, breaking notes,
 * reversibility), then every step with its SQL, locks, reversal and how to check it took effect, then the proof.
 */
export function planToMarkdown(plan: Plan, proof?: ProofReport): string {
  const parts = ["# Migration plan"];
  if (plan.steps.every((s) => s.sql.length === 0)) parts.push("No changes.");
  else parts.push(summary(plan, proof), ...hazardSection(plan), ...breakingSection(plan), "## Steps", ...plan.steps.map(stepSection));
  if (proof) parts.push(proofSection(proof));
  return `${parts.join("\n\n")}\n`;
}

function summary(plan: Plan, proof?: ProofReport): string {
  const s = summarizePlan(plan);
  const rows: [string, string][] = [
    ["steps", `${s.withSql}${s.outsideTransaction > 0 ? ` (${s.outsideTransaction} outside a transaction)` : ""}`],
    ["hazards", hazardCounts(s)],
    ["breaking notes", String(s.breaking)],
    ["reversibility", `${s.reversal.reversible} reversible, ${s.reversal.lossy} lossy, ${s.reversal.irreversible} irreversible`],
    ["data loss", s.dataLoss ? "**yes**" : "no"],
    ["proof", proof === undefined ? "not run" : proof.ok ? "passed" : `**failed** (${proof.failure?.phase ?? "?"})`],
  ];
  return ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join("\n");
}

function hazardSection(plan: Plan): string[] {
  const byCode = new Map<string, number[]>();
  plan.steps.forEach((step, i) => {
    for (const h of step.hazards) byCode.set(h.code, [...(byCode.get(h.code) ?? []), i + 1]);
  });
  if (byCode.size === 0) return [];
  const rows = [...byCode].map(([code, steps]) => `| \`${code}\` | ${steps.length} | ${[...new Set(steps)].join(", ")} |`);
  return ["## Hazards", ["| hazard | count | steps |", "|---|---|---|", ...rows].join("\n")];
}

function breakingSection(plan: Plan): string[] {
  const notes = plan.steps.flatMap((step, i) => step.breaking.map((b) => `- step ${i + 1}: \`${b.code}\`: ${oneLine(b.message)}`));
  return notes.length === 0 ? [] : ["## Breaking changes for application code", notes.join("\n")];
}

const TRANSACTION: Readonly<Record<Step["transaction"], string>> = {
  shared: "in a transaction with its neighbours",
  own: "in a transaction of its own",
  none: "outside any transaction",
};

function stepSection(step: Step, i: number): string {
  const lines = [`### Step ${i + 1}: ${oneLine(step.why)}`];
  if (step.sql.length === 0) {
    lines.push(`Done by another step${step.impliedBy ? ` (\`${step.impliedBy}\`)` : ""}; no SQL of its own.`);
    return lines.join("\n\n");
  }
  lines.push(fence(step.sql.join("\n"), "sql"));
  const facts = [`- runs ${TRANSACTION[step.transaction]}${step.long ? "; scans or rewrites data (long statement timeout)" : ""}`];
  facts.push(`- locks: ${step.locks.length === 0 ? "none listed" : step.locks.map((l) => `${l.level} on \`${l.on}\``).join(", ")}`);
  for (const h of step.hazards) facts.push(`- hazard \`${h.code}\`: ${oneLine(h.message)}`);
  for (const b of step.breaking) facts.push(`- breaking \`${b.code}\`: ${oneLine(b.message)}`);
  facts.push(`- retry: ${step.retry.cleanup?.length ? "run the cleanup below first" : step.retry.safe ? "safe to run again" : "not safe to run again as is"}`);
  lines.push(facts.join("\n"));
  if (step.retry.cleanup?.length) lines.push(`Cleanup before a retry:\n\n${fence(step.retry.cleanup.join("\n"), "sql")}`);
  const r = step.reverse;
  if (r.class === "irreversible") lines.push(`Reversal (**irreversible**): ${oneLine(r.why)}`);
  else {
    const head = r.class === "lossy" ? `Reversal (**lossy**, loses ${oneLine(r.lost)})` : "Reversal (reversible)";
    lines.push(r.sql.length === 0 ? `${head} (undone with the step that created its object)` : `${head}:\n\n${fence(r.sql.join("\n"), "sql")}`);
  }
  if (step.verify) lines.push(`Verification (returns \`ok = true\` once done):\n\n${fence(step.verify, "sql")}`);
  return lines.join("\n\n");
}

function proofSection(proof: ProofReport): string {
  const rows = proof.checks.map((c) => `| ${c.name} | ${c.ok ? "ok" : "**failed**"} | ${cell(c.detail ?? "")} |`);
  const parts = ["## Proof", proof.ok ? "Proven on a scratch database." : "**The proof failed: do not run this plan.**"];
  parts.push(["| check | result | detail |", "|---|---|---|", ...rows].join("\n"));
  const f = proof.failure;
  if (f) {
    const facts = [`- phase: ${f.phase}`, f.step !== undefined && `- step: ${f.step}`, f.why && `- why: ${oneLine(f.why)}`];
    parts.push(facts.filter(Boolean).join("\n"));
    if (f.statement) parts.push(fence(f.statement, "sql"));
    if (f.error) parts.push(fence(f.error, "text"));
    if (f.diff) parts.push(fence(f.diff, "text"));
  }
  return parts.join("\n\n");
}

const cell = (text: string): string => oneLine(text).replaceAll("|", "\\|");

/** A code block whose fence no line of the text can close. */
function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const bar = "`".repeat(longest + 1);
  return `${bar}${lang}\n${text}\n${bar}`;
}
