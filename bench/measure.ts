import { spawnSync } from "node:child_process";

export interface Measurement {
  /** Median wall time in seconds. */
  readonly seconds: number;
  readonly min: number;
  readonly max: number;
  /** Largest maximum resident set size over the runs, in MB. */
  readonly rssMb: number;
}

/**
 * Runs a command `runs` times after one warm-up under `/usr/bin/time`, which reports the peak RSS of the whole
 * process (what a user's machine pays), and times each run from outside the process.
 */
export function measure(command: readonly string[], runs: number, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measurement {
  const walls: number[] = [];
  let rss = 0;
  for (let i = 0; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", ...command], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`${command.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
    const kb = Number(r.stderr.trim().split("\n").pop());
    if (i === 0) continue;
    walls.push(wall);
    rss = Math.max(rss, kb / 1024);
  }
  walls.sort((a, b) => a - b);
  return { seconds: walls[Math.floor(walls.length / 2)]!, min: walls[0]!, max: walls[walls.length - 1]!, rssMb: rss };
}
