import type { Severity } from "./finding.js";
import type { Rule } from "./rule.js";

/** The lint settings of a config file (validated by `config-file.ts`, which loads the YAML and zod code only then). */
export interface LintConfig {
  /** PostgreSQL major version the migrations target (lock levels and features differ). */
  readonly pgVersion?: number;
  /** The lowest severity that makes the exit code 2. */
  readonly failOn?: "error" | "warning" | "info";
  /** Per rule: `off`, a severity, or `[severity, options]`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

type Level = "off" | Severity;
export type RuleSetting = Level | readonly [Level, Record<string, unknown>];

/** A rule as it will run: its severity after the config, and its options. */
export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: Readonly<Record<string, unknown>>;
}

export class LintConfigError extends Error {
  override readonly name = "LintConfigError";
}

/** The rules to run, in registry order, with the config applied; an unknown rule id in the config is an error. */
export function activeRules(registry: readonly Rule[], config: LintConfig): ActiveRule[] {
  const known = new Set(registry.map((r) => r.id));
  for (const id of Object.keys(config.rules ?? {})) if (!known.has(id)) throw new LintConfigError(`unknown rule "${id}" in the config`);
  return registry.flatMap((rule) => {
    const s = config.rules?.[rule.id];
    const [level, options] = s === undefined ? [rule.severity, {}] : Array.isArray(s) ? s : [s, {}];
    return level === "off" ? [] : [{ rule, severity: level, options }];
  });
}
