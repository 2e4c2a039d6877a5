import type { ProofReport } from "../plan/prove.js";

const indent = (text: string): string => text.split("\n").map((l) => `  ${l}`).join("\n");

/** A failed proof as the CLI prints it on stderr: the phase, the step, the statement and PostgreSQL's error. */
export function proofFailureText(report: ProofReport): string {
  const f = report.failure;
  if (f === undefined) return "";
  const where = f.step === undefined ? "" : ` at step ${f.step}${f.why ? ` (${f.why})` : ""}`;
  const lines = [`error: the plan failed its proof (${f.phase})${where}`];
  if (f.step === undefined && f.why) lines.push(indent(f.why));
  if (f.statement) lines.push("statement:", indent(f.statement));
  if (f.error) lines.push(indent(f.error));
  if (f.diff) lines.push("differences:", indent(f.diff));
  return `${lines.join("\n")}\n`;
}
