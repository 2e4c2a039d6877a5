import type { Finding, Severity } from "../lint/finding.js";
import type { Rule } from "../lint/rule.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

const encodePath = (path: string): string => path.split("/").map((segment) => encodeURIComponent(segment)).join("/");

/**
 * A file path as the URI reference SARIF's `artifactLocation.uri` must be: relative paths percent-encoded (spaces,
 * `%`, brackets, non-ASCII), absolute ones (`/…`, `C:\…`) as `file:` URIs.
 */
export function fileUri(path: string): string {
  const p = path.replaceAll("\\", "/");
  const drive = /^([A-Za-z]:)\//.exec(p);
  if (drive) return `file:///${drive[1]}/${encodePath(p.slice(3))}`;
  if (p.startsWith("/")) return `file://${encodePath(p)}`;
  return encodePath(p);
}

/** SARIF 2.1.0 (what GitHub code scanning and most CI dashboards read): one run, the rules that ran, the results. */
export function lintToSarif(findings: readonly Finding[], rules: readonly Rule[], version: string): string {
  const ids = [...rules.map((r) => r.id), ...(findings.some((f) => f.rule === "syntax-error") ? ["syntax-error"] : [])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pg-schema",
            version,
            informationUri: "https://github.com/pg-schema/pg-schema",
            rules: [
              ...rules.map((r) => ({
                id: r.id,
                shortDescription: { text: r.docs.summary },
                fullDescription: { text: r.docs.why },
                help: { text: r.docs.fix },
                defaultConfiguration: { level: LEVEL[r.severity] },
              })),
              ...(index.has("syntax-error") && !rules.some((r) => r.id === "syntax-error")
                ? [{ id: "syntax-error", shortDescription: { text: "SQL that PostgreSQL's parser rejects." }, defaultConfiguration: { level: "error" } }]
                : []),
            ],
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.help ? `${f.message}. ${f.help}` : f.message },
          ...(f.location
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.location.file) }, region: { startLine: f.location.line, startColumn: f.location.column } } }] }
            : f.object
              ? { locations: [{ logicalLocations: [{ fullyQualifiedName: f.object }] }] }
              : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
