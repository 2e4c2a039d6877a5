import { ConnectionError, DatabaseError } from "../db/errors.js";
import { SpecError } from "../design/spec/spec-error.js";
import { SqlSourceError } from "../sources/source-error.js";
import { type CliIo, EXIT, type ExitCode, UsageError } from "./io.js";

interface Command {
  readonly summary: string;
  /** Loaded on use: `--version` and `--help` should not pay for PGlite, the parser or the catalog readers. */
  readonly load: () => Promise<{ run: (argv: readonly string[], io: CliIo) => Promise<ExitCode>; help: string }>;
  /** Awaited before `load` (not for `--help`): starts work the command will wait for, to overlap loading its modules. */
  readonly prefetch?: () => Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  design: {
    summary: "design a schema from a domain spec; prove it; print DDL, migration, indexes, constraints, breaking changes, verification",
    load: async () => {
      const m = await import("./commands/design.js");
      return { run: m.designCommand, help: m.designHelp };
    },
  },
  inspect: {
    summary: "read a schema into the catalog model; print a summary, JSON or DDL",
    load: async () => {
      const m = await import("./commands/inspect.js");
      return { run: m.inspectCommand, help: m.inspectHelp };
    },
  },
  lint: {
    summary: "check migrations and schemas against expert rules; text, JSON, SARIF or GitHub annotations",
    // A file lint waits for the parser: its WebAssembly compiles while the rules load. A failure shows where the
    // command awaits it.
    prefetch: () => import("../sql/parser.js").then((p) => p.startParser()),
    load: async () => {
      const m = await import("./commands/lint.js");
      return { run: m.lintCommand, help: m.lintHelp };
    },
  },
  plan: {
    summary: "plan the migration from one schema to another; prove it, print SQL, JSON or a review",
    load: async () => {
      const m = await import("./commands/plan.js");
      return { run: m.planCommand, help: m.planHelp };
    },
  },
};

export const VERSION = "0.1.0";

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const commands = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: pg-schema <command> [options]

PostgreSQL schema design, review and migration planning, verified against a real engine.

Commands:
${commands.join("\n")}

Run \`pg-schema <command> --help\` for a command's options.

Options:
  -h, --help      this help
  -v, --version   print the version

Exit codes: 0 clean; 1 error; 2 findings or changes; 3 unsafe changes not allowed.
`;
}

/** argv in, exit code out; every error becomes a message on stderr and exit 1. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    io.stdout(topic && COMMANDS[topic] ? (await COMMANDS[topic].load()).help : mainHelp());
    return EXIT.ok;
  }
  if (command === "-v" || command === "--version") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`error: unknown command "${command}"\n\n${mainHelp()}`);
    return EXIT.error;
  }
  try {
    if (!rest.includes("--help") && !rest.includes("-h")) await entry.prefetch?.();
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    io.stderr(`${describeError(e, command)}\n`);
    if (process.env.PGSCHEMA_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.error;
  }
}

function describeError(e: unknown, command: string): string {
  if (e instanceof SqlSourceError || e instanceof SpecError) return `error: ${e.format()}`;
  if (e instanceof UsageError) return `error: ${e.message}\nRun \`pg-schema ${e.command ?? command} --help\` for usage.`;
  if (e instanceof ConnectionError) return `error: ${e.message}`;
  if (e instanceof DatabaseError) {
    return [`error: ${e.code}: ${e.message}`, e.detail && `DETAIL: ${e.detail}`, e.hint && `HINT: ${e.hint}`]
      .filter(Boolean)
      .join("\n");
  }
  if (e instanceof Error && (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `error: ${e.message}\nRun \`pg-schema ${command} --help\` for usage.`;
  }
  if (e instanceof Error) return `error: ${e.message}`;
  return `error: ${String(e)}`;
}
