import type { Node } from "../statements.js";

const UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The milliseconds a `SET lock_timeout | statement_timeout = …` gives (a bare number is milliseconds; `'5s'`,
 * `'1.5min'`, `'500 ms'` carry their unit), or undefined when it is not a literal PostgreSQL would read as one.
 */
export function timeoutMs(setNode: Node): number | undefined {
  if (setNode.kind !== "VAR_SET_VALUE") return undefined;
  const c = (((setNode.args ?? []) as Node[])[0]?.A_Const as Node | undefined) ?? undefined;
  if (!c) return undefined;
  if (c.ival) return Number(((c.ival as Node).ival as number | undefined) ?? 0);
  if (c.fval) return Number((c.fval as Node).fval as string);
  const text = (c.sval as Node | undefined)?.sval as string | undefined;
  const m = text === undefined ? null : /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(us|ms|s|min|h|d)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNITS[m[2] ?? "ms"]!;
}
