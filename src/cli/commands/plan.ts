import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { PlanOptions, RenameHint } from "../../plan/options.js";
import { isEmptyPlan } from "../../plan/plan-types.js";
import { planMigration } from "../../plan/plan.js";
import { provePlan, type ProofReport } from "../../plan/prove.js";
import { planToJson } from "../../report/plan-json.js";
import { planToMarkdown } from "../../report/plan-markdown.js";
import { planToSql } from "../../report/plan-sql.js";
import { hazardCounts, summarizePlan } from "../../report/plan-summary.js";
import { proofFailureText } from "../../report/proof-text.js";
import { loadCatalog } from "../../sources/source.js";
import { type CliIo, EXIT, type ExitCode, UsageError } from "../io.js";
import { parseRenameHint, parseRenamesFile } from "../rename-hints.js";

export const planHelp = `Usage: pg-schema plan --from <source> --to <source> [options]

Plans the migration that turns the schema <from> into <to>: ordered steps, each with its SQL, locks, hazards,
breaking notes, verification query and reversal. Before it is shown, the plan is proven on a scratch copy of
<from>: UP must give <to>, re-planning must find nothing, every verification must hold, DOWN must give <from>.

Sources (as in \`pg-schema inspect\`): a postgres:// URL, a .sql file or folder of .sql files, or a .json snapshot.

Options:
  --from <source>                the schema as it is
  --to <source>                  the schema as it should be
  --format <sql|json|md>         sql: the UP script for psql, transactions explicit (default)
                                 json: every step with its SQL, locks, hazards, reversal, and the proof
                                 md: a review for humans: summary, hazards, breaking notes, each step, proof
  --json                         same as --format json
  --down                         (sql) the DOWN script: the reversals, last step first
  --no-online                    plain DDL instead of online rewrites (CONCURRENTLY, NOT VALID + VALIDATE, …)
  --lock-timeout <5s>            lock_timeout before every step (default 5s)
  --statement-timeout <1min>     statement_timeout for catalog-only steps (default 1min)
  --long-statement-timeout <0>   statement_timeout for steps that scan or rewrite data (default 0: none)
  --allow-data-loss              exit 2 instead of 3 when a step loses data
  --rename <kind:old=new>        a rename, not a drop and an add (repeatable): table:public.users=customers,
                                 table:users=customers, column:public.users.email=mail, column:users.email=mail;
                                 kinds: table, column, view, materialized-view, sequence, index, type, schema,
                                 function (names without a schema are in public)
  --renames <file.json>          renames from a file: ["table:users=customers", {"kind", "from", "to"}, …]
  --no-verify                    skip the proof (the plan is shown unproven)
  --shadow <url>                 load .sql sources and prove on temporary databases on this server instead of
                                 PGlite (always dropped, with the roles the proof created); when a source is a
                                 database URL, its server is the default
  --schema <a,b>                 only these schemas
  --no-owners                    leave ownership alone (no ALTER … OWNER TO)
  --no-privileges                leave privileges alone (no GRANT / REVOKE, no default privileges)
  -o, --output <file>            write the plan to a file instead of stdout
  -q, --quiet                    no progress on stderr
  -h, --help                     this help

Exit codes: 0 no changes; 1 error (bad source or option, failed proof: no plan is printed);
2 a plan; 3 a plan with a data-loss step and no --allow-data-loss (the plan is still printed).
`;

/** What the command calls beyond argv and streams: injected so tests can drive every exit path with a known plan. */
export interface PlanCommandDeps {
  readonly load: typeof loadCatalog;
  readonly plan: typeof planMigration;
  readonly prove: typeof provePlan;
}

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string" },
  json: { type: "boolean" },
  down: { type: "boolean" },
  "no-online": { type: "boolean" },
  "lock-timeout": { type: "string" },
  "statement-timeout": { type: "string" },
  "long-statement-timeout": { type: "string" },
  "allow-data-loss": { type: "boolean" },
  rename: { type: "string", multiple: true },
  renames: { type: "string" },
  "no-verify": { type: "boolean" },
  shadow: { type: "string" },
  schema: { type: "string" },
  "no-owners": { type: "boolean" },
  "no-privileges": { type: "boolean" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

export function planCommandWith(deps: PlanCommandDeps) {
  return async (argv: readonly string[], io: CliIo): Promise<ExitCode> => {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
    if (values.help) {
      io.stdout(planHelp);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}: sources are given with --from and --to`, "plan");
    if (values.from === undefined || values.to === undefined) throw new UsageError("plan needs --from <source> and --to <source>", "plan");
    const format = values.json ? "json" : (values.format ?? "sql");
    if (format !== "sql" && format !== "json" && format !== "md") throw new UsageError(`unknown --format ${format}: expected sql, json or md`, "plan");
    if (values.down && format !== "sql") throw new UsageError("--down writes the DOWN script: it goes with --format sql (json and md hold both directions)", "plan");
    const options = planOptions(values);
    const schemas = values.schema?.split(",").map((s) => s.trim()).filter((s) => s !== "");
    const progress = values.quiet ? undefined : (m: string) => io.stderr(`${m}…\n`);
    const started = Date.now();

    // A live database is compared with its own server's reading of the other side and proven there: PGlite is
    // PostgreSQL 18 and reads some objects otherwise (NOT NULL names, view text) than an older server does.
    const server = [values.from, values.to].find((s) => /^postgres(ql)?:\/\//.test(s));
    const shadow = values.shadow ?? server;
    const load = (label: string, source: string) =>
      deps.load(source, {
        ...(schemas ? { schemas } : {}),
        ...(shadow ? { shadow } : {}),
        ...(progress ? { progress: (m: string) => progress(`${label}: ${m}`) } : {}),
      });
    const from = await load("from", values.from);
    const to = await load("to", values.to);
    progress?.("planning");
    const plan = deps.plan(from, to, options);

    let proof: ProofReport | undefined;
    if (!values["no-verify"]) {
      proof = await deps.prove(plan, from, to, {
        ...(shadow ? { shadow } : {}),
        ...(schemas ? { schemas } : {}),
        ...(progress ? { progress } : {}),
      });
      if (!proof.ok) {
        io.stderr(proofFailureText(proof));
        if (proof.failure?.phase === "setup") io.stderr("hint: --shadow <url> proves on a server (for extensions or versions PGlite lacks)\n");
        io.stderr("No plan printed: it failed its proof (--no-verify prints it unproven).\n");
        return EXIT.error;
      }
    }

    const output = format === "json" ? planToJson(plan, proof) : format === "md" ? planToMarkdown(plan, proof) : planToSql(plan, values.down ? "down" : "up");
    if (values.output) io.writeFile(values.output, output);
    else io.stdout(output);

    if (isEmptyPlan(plan)) {
      if (progress) io.stderr(`no changes (${seconds(started)})\n`);
      return EXIT.ok;
    }
    const summary = summarizePlan(plan);
    if (progress) {
      const skipped = proof?.checks.find((c) => c.name === "down" && c.detail?.startsWith("skipped"))?.detail;
      const proven = proof === undefined ? "not proven (--no-verify)" : `proven${skipped ? `; DOWN not checked (${skipped.replace(/^skipped: /, "")})` : ""}`;
      io.stderr(`${summary.withSql} steps; hazards: ${hazardCounts(summary)}; ${proven} (${seconds(started)})\n`);
    }
    if (summary.dataLoss && !values["allow-data-loss"]) {
      const steps = plan.steps.flatMap((s, i) => (s.hazards.some((h) => h.code === "data-loss") ? [i + 1] : []));
      io.stderr(`error: step(s) ${steps.join(", ")} lose data (hazard data-loss); review them and rerun with --allow-data-loss\n`);
      return EXIT.unsafe;
    }
    return EXIT.findings;
  };
}

export const planCommand = planCommandWith({ load: loadCatalog, plan: planMigration, prove: provePlan });

const TIMEOUT = /^\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/;

function planOptions(values: Values): PlanOptions {
  const timeout = (flag: "lock-timeout" | "statement-timeout" | "long-statement-timeout"): string | undefined => {
    const v = values[flag];
    if (v !== undefined && !TIMEOUT.test(v)) throw new UsageError(`--${flag} ${v}: expected a PostgreSQL duration such as 500ms, 5s, 1min or 0`, "plan");
    return v;
  };
  const renames: RenameHint[] = [
    ...(values.renames === undefined ? [] : parseRenamesFile(readFile(values.renames), values.renames)),
    ...(values.rename ?? []).map(parseRenameHint),
  ];
  const lockTimeout = timeout("lock-timeout");
  const statementTimeout = timeout("statement-timeout");
  const longStatementTimeout = timeout("long-statement-timeout");
  return {
    online: !values["no-online"],
    owners: !values["no-owners"],
    privileges: !values["no-privileges"],
    renames,
    ...(lockTimeout === undefined ? {} : { lockTimeout }),
    ...(statementTimeout === undefined ? {} : { statementTimeout }),
    ...(longStatementTimeout === undefined ? {} : { longStatementTimeout }),
  };
}

function readFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--renames ${path}: ${(e as Error).message}`, "plan");
  }
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(2)} s`;
