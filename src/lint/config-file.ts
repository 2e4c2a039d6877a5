import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { type LintConfig, LintConfigError } from "./config.js";

const setting = z.union([z.enum(["off", "error", "warning", "info"]), z.tuple([z.enum(["off", "error", "warning", "info"]), z.record(z.string(), z.unknown())])]);

export const lintConfigSchema = z.strictObject({
  /** PostgreSQL major version the migrations target (lock levels and features differ). */
  pgVersion: z.number().int().min(13).max(18).optional(),
  /** The lowest severity that makes the exit code 2. */
  failOn: z.enum(["error", "warning", "info"]).optional(),
  /** Per rule: `off`, a severity, or `[severity, options]`. */
  rules: z.record(z.string(), setting).optional(),
});

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

