import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Severity } from "./finding.js";
import type { Rule } from "./rule.js";

const setting = z.union([z.enum(["off", "error", "warning", "info"]), z.tuple([z.enum(["off", "error", "warning", "info"]), z.record(z.string(), z.unknown())])]);

export const lintConfigSchema = z.strictObject({
  /** PostgreSQL major version the migrations target (lock levels and features differ). */
  pgVersion: z.number().int().min(13).max(18).optional(),
  /** The lowest severity that makes the exit code 2. */
  failOn: z.enum(["error", "warning", "info"]).optional(),
  /** Per rule: `off`, a severity, or `[severity, options]`. */
  rules: z.record(z.string(), setting).optional(),
});

export type LintConfig = z.infer<typeof lintConfigSchema>;

/** A rule as it will run: its severity after the config, and its options. */
export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: Readonly<Record<string, unknown>>;
}

export class LintConfigError extends Error {
  override readonly name = "LintConfigError";
}

/** Reads `pg-schema.config.json` / `.yaml`; the lint settings live under `lint` or at the top level. */
export function readLintConfig(path: string): LintConfig {
  let raw: unknown;
  try {
    const text = readFileSync(path, "utf8");
    raw = path.endsWith(".json") ? JSON.parse(text) : parse(text);
  } catch (e) {
    throw new LintConfigError(`${path}: ${(e as Error).message}`);
  }
  const body = raw && typeof raw === "object" && "lint" in raw ? (raw as { lint: unknown }).lint : raw;
  const result = lintConfigSchema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new LintConfigError(`${path}: ${issue.path.join(".") || "config"}: ${issue.message}`);
  }
  return result.data;
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
