import { parseArgs } from "node:util";
import { canonicalJson } from "../../catalog/canonical.js";
import { catalogToSql } from "../../sql/ddl.js";
import { formatSummary } from "../../report/summary.js";
import { loadCatalog } from "../../sources/source.js";
import { type CliIo, EXIT, type ExitCode, UsageError } from "../io.js";

export const inspectHelp = `Usage: pg-schema inspect <source> [options]

Reads a schema into pg-schema's catalog model and prints it.

<source> is one of:
  postgres://user@host:5432/db   a live database
  schema.sql | migrations/       a .sql file, or a folder of .sql files applied in name order,
                                 loaded into embedded PostgreSQL (PGlite) and read back
  snapshot.json                  a snapshot written by \`pg-schema inspect --json\`

Options:
  --format <summary|json|sql>    summary: counts per object kind (default)
                                 json: the canonical snapshot (byte-stable; see schema/catalog.schema.json)
                                 sql: DDL that recreates the inspected schemas, in dependency order
  --json                         same as --format json
  --schema <a,b>                 only these schemas (default: every non-system schema)
  --shadow <url>                 load .sql sources into a temporary database on this server instead of
                                 PGlite (for extensions PGlite lacks, e.g. PostGIS); it is always dropped
  --no-owners                    (sql) leave out ALTER … OWNER TO
  --no-privileges                (sql) leave out GRANT / REVOKE and default privileges
  --strict                       exit 1 when the schema holds objects of a kind pg-schema does not model
  -o, --output <file>            write the result to a file instead of stdout
  -q, --quiet                    no progress on stderr
  -h, --help                     this help

Exit codes: 0 done; 1 error (bad source, unreachable database, failed load, --strict with unmodelled objects).
`;

export async function inspectCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: "string" },
      json: { type: "boolean" },
      schema: { type: "string" },
      shadow: { type: "string" },
      "no-owners": { type: "boolean" },
      "no-privileges": { type: "boolean" },
      strict: { type: "boolean" },
      output: { type: "string", short: "o" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(inspectHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("inspect takes exactly one <source>", "inspect");
  const format = values.json ? "json" : (values.format ?? "summary");
  if (!["summary", "json", "sql"].includes(format)) {
    throw new UsageError(`unknown --format ${format}: expected summary, json or sql`, "inspect");
  }
  const source = positionals[0]!;
  const schemas = values.schema?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const started = Date.now();
  const catalog = await loadCatalog(source, {
    ...(schemas ? { schemas } : {}),
    ...(values.shadow ? { shadow: values.shadow } : {}),
    ...(values.quiet ? {} : { progress: (m: string) => io.stderr(`${m}…\n`) }),
  });
  const output =
    format === "json"
      ? `${canonicalJson(catalog)}\n`
      : format === "sql"
        ? catalogToSql(catalog, { owners: !values["no-owners"], privileges: !values["no-privileges"] })
        : formatSummary(catalog, source);
  if (values.output) io.writeFile(values.output, output);
  else io.stdout(output);
  if (!values.quiet) io.stderr(`inspected in ${((Date.now() - started) / 1000).toFixed(2)} s\n`);

  if (catalog.unmodeled.length > 0) {
    const kinds = [...new Set(catalog.unmodeled.map((u) => u.kind))].join(", ");
    const message = `${catalog.unmodeled.length} object(s) of kinds pg-schema does not model: ${kinds}`;
    if (values.strict) {
      io.stderr(`error: ${message} (--strict)\n`);
      for (const u of catalog.unmodeled) io.stderr(`  ${u.kind}: ${u.identity}\n`);
      return EXIT.error;
    }
    if (format !== "summary") io.stderr(`warning: ${message}; they are listed under "unmodeled"\n`);
  }
  return EXIT.ok;
}
