import type { Finding } from "../lint/finding.js";
import { caretExcerpt } from "../sources/source-error.js";

/** Findings for a terminal: `file:line:col severity message [rule]`, the line with a caret, the help. */
export function lintToText(findings: readonly Finding[], sources: ReadonlyMap<string, string>): string {
  if (findings.length === 0) return "No findings.\n";
  const blocks = findings.map((f) => {
    const where = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : (f.object ?? "schema");
    const lines = [`${where}: ${f.severity}: ${f.message} [${f.rule}]`];
    const text = f.location ? sources.get(f.location.file) : undefined;
    if (f.location && text !== undefined) lines.push(caretExcerpt(text, f.location.line, f.location.column).replace(/^/gm, "  "));
    if (f.help) lines.push(`  help: ${f.help}`);
    if (f.fix) lines.push(`  fix (${f.fix.title}):`, ...f.fix.sql.split("\n").map((l) => `    ${l}`));
    return lines.join("\n");
  });
  const counts = (["error", "warning", "info"] as const).map((s) => `${findings.filter((f) => f.severity === s).length} ${s}${findings.filter((f) => f.severity === s).length === 1 ? "" : "s"}`);
  return `${blocks.join("\n\n")}\n\n${counts.join(", ")}\n`;
}
