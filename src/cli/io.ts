/** The CLI's outside world, injected so commands can be run and tested without a process. */
export interface CliIo {
  /** The result, and nothing else. */
  readonly stdout: (text: string) => void;
  /** Progress, warnings and errors. */
  readonly stderr: (text: string) => void;
  /** Writes a file (for `--output`). */
  readonly writeFile: (path: string, text: string) => void;
}

/** Exit codes, the same for every command. */
export const EXIT = {
  /** Clean: nothing to report. */
  ok: 0,
  /** An error: bad input, unreachable database, failed load. */
  error: 1,
  /** Findings or changes to show. */
  findings: 2,
  /** Unsafe: changes that lose data and were not allowed. */
  unsafe: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong usage: printed with the command's help hint, exit 1. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}
