import { spawnSync } from "node:child_process";

export interface Measurement {
  /** Median wall time in seconds. */
  readonly seconds: number;
  readonly min: number;
  readonly max: number;
  /** Largest maximum resident set size over the runs, in MB. */
  readonly rssMb: number;
}

/** Where and how a command runs. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success (default: only 0); e.g. `pg-schema plan` exits 2 with a plan, 3 with a data-loss plan. */
  okExit?: readonly number[];
}

/**
 * Runs a command `runs` times after one warm-up under `/usr/bin/time`, which reports the peak RSS of the whole
 * process (what a user's machine pays), and times each run from outside the process.
 */
export function measure(command: readonly string[], runs: number, options: RunOptions = {}): Measurement {
  return measureInterleaved([command], runs, [options])[0]!;
}

/**
 * `measure` for several commands at once, taking turns: one warm-up of each, then run i of every command before run
 * i + 1 of any. On a shared machine a burst of other work then lands on all of them alike instead of on whichever
 * command happened to be running, which keeps their ratios fair.
 */
export function measureInterleaved(
  commands: readonly (readonly string[])[],
  runs: number,
  options: readonly RunOptions[] = [],
  /** `warmup: false` when the caller has already run every command once (e.g. to look at its output). */
  { warmup = true }: { warmup?: boolean } = {},
): Measurement[] {
  const walls: number[][] = commands.map(() => []);
  const rss: number[] = commands.map(() => 0);
  for (let i = warmup ? 0 : 1; i <= runs; i++) {
    commands.forEach((command, c) => {
      const one = runOnce(command, options[c] ?? {});
      if (i === 0) return;
      walls[c]!.push(one.wall);
      rss[c] = Math.max(rss[c]!, one.rssMb);
    });
  }
  return walls.map((w, c) => summary(w, rss[c]!));
}

function runOnce(command: readonly string[], options: RunOptions): { wall: number; rssMb: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", ...command], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (!(options.okExit ?? [0]).includes(r.status ?? -1)) throw new Error(`${command.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { wall, rssMb: Number(r.stderr.trim().split("\n").pop()) / 1024 };
}

function summary(walls: number[], rssMb: number): Measurement {
  const sorted = [...walls].sort((a, b) => a - b);
  return { seconds: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, rssMb };
}
