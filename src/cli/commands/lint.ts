import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isConnectionUrl } from "../../db/connection-url.js";
import { type ActiveRule, activeRules, type LintConfig, LintConfigError } from "../../lint/config.js";
import { type Finding, type Severity, severityRank } from "../../lint/finding.js";
import { lintCatalog, lintMigration, type StatementLocks } from "../../lint/lint.js";
import { RULE_LIST } from "../../lint/rules/index.js";
import { lintToGithub } from "../../report/lint-github.js";
import { lintToJson } from "../../report/lint-json.js";
import { lintToSarif } from "../../report/lint-sarif.js";
import { lintToText } from "../../report/lint-text.js";
import type { LiveDatabase } from "../../sources/live.js";
import { loadParser } from "../../sql/parser.js";
import { type CliIo, EXIT, type ExitCode, UsageError } from "../io.js";
import { VERSION } from "../run.js";

export const lintHelp = `Usage: pg-schema lint <target…> [options]

Checks migrations and schemas against expert rules (docs/rules/README.md). A target is:
  a .sql file or a folder of them    each file is linted statement by statement as a migration, parsed by
                                     PostgreSQL's parser: locks per statement, rewrites, data loss, transactions
  a postgres:// URL                  the schema rules on the whole schema, and the live rules on its statistics
                                     (unused and invalid indexes, sequences near exhaustion, dead rows, …)
  a .json snapshot                   the schema rules (a snapshot has no statistics)
  --load                             also load the .sql targets into embedded PostgreSQL and run the schema rules

Options:
  --format <text|json|sarif|github>  text (default: findings with the line and a caret); json (findings and the
                                     lock each statement takes); sarif (SARIF 2.1.0); github (workflow annotations)
  --fail-on <error|warning|info>     exit 2 when a finding is at least this severe (default error)
  --config <file>                    pg-schema.config.json or .yaml (default: either, in the current folder)
  --pg-version <13-18>               the PostgreSQL version the migrations target (default: the version of the
                                     database given as a target, else 15)
  --load                             see above
  --shadow <url>                     with --load: load on a temporary database on this server instead of PGlite
  --rule <id>                        only this rule (repeatable)
  -o, --output <file>                write the report to a file
  -h, --help                         this help

In a file, \`-- pg-schema-ignore <rule>[, <rule>]\` right before a statement silences those rules for it (no ids:
every rule); \`-- pg-schema-ignore-file <rule>\` anywhere silences a rule for the whole file.

Exit codes: 0 no finding at --fail-on or above; 1 error (bad target, option or config); 2 findings.
`;

const OPTIONS = {
  format: { type: "string" },
  "fail-on": { type: "string" },
  config: { type: "string" },
  "pg-version": { type: "string" },
  load: { type: "boolean" },
  shadow: { type: "string" },
  rule: { type: "string", multiple: true },
  json: { type: "boolean" },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

/** The catalog readers (database drivers, introspection, snapshots): loaded on use, a file lint never needs them. */
const catalogSources = (): Promise<typeof import("../../sources/source.js")> => import("../../sources/source.js");
const liveSources = (): Promise<typeof import("../../sources/live.js")> => import("../../sources/live.js");

const DEFAULT_CONFIGS = ["pg-schema.config.json", "pg-schema.config.yaml", "pg-schema.config.yml"];

export async function lintCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) {
    io.stdout(lintHelp);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("lint needs at least one target", "lint");
  const format = values.json ? "json" : (values.format ?? "text");
  if (!["text", "json", "sarif", "github"].includes(format)) throw new UsageError(`unknown --format ${format}: expected text, json, sarif or github`, "lint");
  const configPath = values.config ?? DEFAULT_CONFIGS.find((p) => existsSync(p));
  // The config reader (YAML and zod) loads only when there is a config file.
  const config: LintConfig = configPath ? (await import("../../lint/config-file.js")).readLintConfig(configPath) : {};
  const failOn = (values["fail-on"] ?? config.failOn ?? "error") as Severity;
  if (!["error", "warning", "info"].includes(failOn)) throw new UsageError(`unknown --fail-on ${failOn}: expected error, warning or info`, "lint");
  const explicitVersion = values["pg-version"] ?? config.pgVersion;
  const explicitMajor = explicitVersion === undefined ? undefined : Number(explicitVersion);
  if (explicitMajor !== undefined && (!Number.isInteger(explicitMajor) || explicitMajor < 13 || explicitMajor > 18)) {
    throw new UsageError(`--pg-version ${explicitVersion}: expected 13 to 18`, "lint");
  }
  let rules: ActiveRule[];
  try {
    rules = activeRules(RULE_LIST, config);
  } catch (e) {
    // Name the file: the config may have been found in the current folder rather than given.
    if (e instanceof LintConfigError && configPath) throw new LintConfigError(`${configPath}: ${e.message}`);
    throw e;
  }
  if (values.rule) {
    const unknown = values.rule.filter((id) => !RULE_LIST.some((r) => r.id === id));
    if (unknown.length) throw new UsageError(`unknown rule ${unknown.join(", ")}`, "lint");
    rules = rules.filter((r) => values.rule!.includes(r.rule.id));
  }
  // Databases are read first: the first one's version is the default target version for the migrations.
  const live = new Map<string, LiveDatabase>();
  for (const target of positionals.filter(isConnectionUrl)) live.set(target, await (await liveSources()).loadLiveDatabase(target, (m) => io.stderr(`${m}…\n`)));
  const serverMajor = [...live.values()].map((l) => Math.floor(l.stats.versionNum / 10000))[0];
  const major = Math.min(Math.max(explicitMajor ?? serverMajor ?? 15, 13), 18);
  const options = { rules, pgVersion: major * 10000 };

  const findings: Finding[] = [];
  const locks: StatementLocks[] = [];
  const sources = new Map<string, string>();
  for (const target of positionals) {
    const database = live.get(target);
    if (database) {
      findings.push(...lintCatalog(database.catalog, options, database.stats));
      continue;
    }
    if (target.endsWith(".json")) {
      findings.push(...lintCatalog(await (await catalogSources()).loadCatalog(target), options));
      continue;
    }
    if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`, "lint");
    const files = statSync(target).isDirectory()
      ? readdirSync(target).filter((n) => n.endsWith(".sql")).sort().map((n) => join(target, n))
      : [target];
    const parser = await loadParser();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      sources.set(file, text);
      const result = lintMigration(parser, file, text, options);
      findings.push(...result.findings);
      locks.push(...result.locks);
    }
    if (values.load) findings.push(...lintCatalog(await (await catalogSources()).loadCatalog(target, values.shadow ? { shadow: values.shadow } : {}), options));
  }

  const output =
    format === "json" ? lintToJson(findings, locks) : format === "sarif" ? lintToSarif(findings, rules.map((r) => r.rule), VERSION) : format === "github" ? lintToGithub(findings) : lintToText(findings, sources);
  if (values.output) io.writeFile(values.output, output);
  else io.stdout(output);
  return findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? EXIT.findings : EXIT.ok;
}
