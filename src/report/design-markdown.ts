import type { DesignRun } from "../design/prove-design.js";
import { designSections } from "./design-sections.js";

/** The design report for humans and for review in a pull request: the six parts, decisions, proof. */
export function designToMarkdown(run: DesignRun, options: { readonly mermaid?: string } = {}): string {
  const { design } = run;
  const head = [`# ${design.name}`, ...(design.description ? [design.description] : [])];
  const counts = `${design.tables.length} tables, ${design.constraints.filter((c) => c.kind !== "not-null").length} constraints, ${design.indexes.length} indexes, ${design.policies.length} policies; ${run.proof.ok ? "proven on PostgreSQL" : "**proof failed**"}.`;
  const diagram = options.mermaid ? [`\`\`\`mermaid\n${options.mermaid.trimEnd()}\n\`\`\``] : [];
  const body = designSections(run).map((s) => `## ${s.title}\n\n${s.markdown}`);
  return `${[...head, counts, ...diagram, ...body].join("\n\n")}\n`;
}
