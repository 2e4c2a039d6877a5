import type { Finding } from "../lint/finding.js";

const escapeData = (s: string): string => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (s: string): string => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

/** GitHub Actions workflow commands: each finding an annotation on its line. */
export function lintToGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const command = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
      const props = [
        ...(f.location ? [`file=${escapeProperty(f.location.file)}`, `line=${f.location.line}`, `col=${f.location.column}`] : []),
        `title=${escapeProperty(`pg-schema ${f.rule}`)}`,
      ];
      return `::${command} ${props.join(",")}::${escapeData(f.help ? `${f.message}. ${f.help}` : f.message)}\n`;
    })
    .join("");
}
