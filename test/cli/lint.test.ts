import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cli } from "../helpers/cli.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

/**
 * `pg-schema lint` end to end through the in-process CLI. Other rules are being added beside the ones these tests
 * name, so exact outputs are taken with `--rule` (or filtered by rule id), and the files use the forms no rule
 * should flag (bigint identity keys, text, timestamptz) wherever a finding is not the point.
 */

const tmp = mkdtempSync(join(tmpdir(), "pg-schema-lint-cli-"));
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};

interface JsonReport {
  formatVersion: number;
  findings: { rule: string; severity: string; message: string; help?: string; object?: string; location?: { file: string; line: number; column: number } }[];
  locks: { location: { file: string; line: number; column: number }; statement: string; locks: { table: string; mode: string }[] }[];
}

const json = async (...argv: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> => {
  const r = await cli("lint", ...argv, "--format", "json");
  assert.equal(r.stderr, "", r.stderr);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
};

const rulesOf = (report: JsonReport): string[] => report.findings.map((f) => f.rule).sort();

/** Line 2: an error (adding-required-field) and a warning (require-lock-timeout); line 3: two warnings; line 4: a warning and an info. */
const MIGRATION = `-- add an email to users
ALTER TABLE users ADD COLUMN email text NOT NULL;
CREATE INDEX users_email ON users (email);
CREATE TABLE notes (body varchar(100));
`;

/** Only warnings (a table without a primary key) and an info (varchar(n)) from the two rules the tests keep. */
const WARNINGS_ONLY = `CREATE TABLE notes (body varchar(100));
CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
`;
const KEEP = ["--rule", "require-primary-key", "--rule", "prefer-text-field"];

describe("pg-schema lint --help", () => {
  it("documents the targets, every option and the exit codes; listed in the main help", async () => {
    const r = await cli("lint", "--help");
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "");
    for (const option of ["--format <text|json|sarif|github>", "--fail-on <error|warning|info>", "--config <file>", "--pg-version <13-18>", "--load", "--shadow <url>", "--rule <id>", "-o, --output <file>", "pg-schema-ignore <rule>", "pg-schema-ignore-file <rule>"]) {
      assert.ok(r.stdout.includes(option), option);
    }
    assert.match(r.stdout, /Exit codes: 0 no finding at --fail-on or above; 1 error \(bad target, option or config\); 2 findings\./);
    assert.match((await cli("--help")).stdout, /^ {2}lint +check migrations and schemas/m);
  });

  it("exits 1 with the reason on bad usage", async () => {
    const m = file("usage.sql", "SELECT 1;\n");
    const cases: [string[], RegExp][] = [
      [["lint"], /lint needs at least one target/],
      [["lint", m, "--format", "yaml"], /unknown --format yaml: expected text, json, sarif or github/],
      [["lint", m, "--fail-on", "fatal"], /unknown --fail-on fatal/],
      [["lint", m, "--pg-version", "12"], /--pg-version 12: expected 13 to 18/],
      [["lint", m, "--rule", "no-such-rule"], /unknown rule no-such-rule/],
      [["lint", join(tmp, "missing.sql")], /no such file or folder: .*missing\.sql/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      assert.equal(r.code, 1, argv.join(" "));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, "");
    }
  });
});

describe("pg-schema lint on a migration file", () => {
  it("text: file:line:col, severity, message and rule; the line with a caret under the spot; the help; exit 2", async () => {
    const path = file("0001_email.sql", MIGRATION);
    const r = await cli("lint", path);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, "");
    const block = `${path}:2:30: error: column email is added to public.users NOT NULL without a default [adding-required-field]
  2 | ALTER TABLE users ADD COLUMN email text NOT NULL;
    |                              ^
  help: Add the column with a DEFAULT`;
    assert.ok(r.stdout.includes(block), r.stdout);
    assert.ok(r.stdout.includes(`${path}:3:1: warning: CREATE INDEX on public.users blocks writes for the whole build [require-concurrent-index-creation]
  3 | CREATE INDEX users_email ON users (email);
    | ^
  help: \`CREATE INDEX CONCURRENTLY\``), r.stdout);
    // A fix is printed under the finding it fixes.
    assert.match(r.stdout, /fix \(build it concurrently\):\n {4}CREATE INDEX CONCURRENTLY users_email ON users \(email\)/);
    assert.match(r.stdout, /\n\n\d+ errors?, \d+ warnings?, \d+ infos?\n$/);
  });

  it("a clean file prints `No findings.` and exits 0", async () => {
    const r = await cli("lint", file("clean.sql", "CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n"), ...KEEP);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "No findings.\n");
  });

  it("exit codes: warnings pass by default (--fail-on error), fail with --fail-on warning; an info fails only --fail-on info", async () => {
    const path = file("warnings.sql", WARNINGS_ONLY);
    assert.equal((await cli("lint", path, ...KEEP)).code, 0);
    assert.equal((await cli("lint", path, ...KEEP, "--fail-on", "error")).code, 0);
    assert.equal((await cli("lint", path, ...KEEP, "--fail-on", "warning")).code, 2);
    const info = file("info.sql", "CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(40) NOT NULL);\n");
    assert.equal((await cli("lint", info, ...KEEP, "--fail-on", "warning")).code, 0);
    assert.equal((await cli("lint", info, ...KEEP, "--fail-on", "info")).code, 2);
    // An error fails at every level.
    const error = file("error.sql", "ALTER TABLE users ADD COLUMN email text NOT NULL;\n");
    for (const level of ["error", "warning", "info"]) assert.equal((await cli("lint", error, "--rule", "adding-required-field", "--fail-on", level)).code, 2, level);
  });

  it("-- pg-schema-ignore <rule> before a statement silences that rule for that statement only", async () => {
    const path = file(
      "ignore.sql",
      `-- pg-schema-ignore require-primary-key
CREATE TABLE audit (body varchar(10));
CREATE TABLE notes (body varchar(100));
/* unrelated */
-- pg-schema-ignore prefer-text-field, require-primary-key
CREATE TABLE logs (line varchar(20));
`,
    );
    const { report } = await json(path, ...KEEP);
    const at = report.findings.map((f) => `${f.rule}@${f.location!.line}`).sort();
    assert.deepEqual(at, ["prefer-text-field@2", "prefer-text-field@3", "require-primary-key@3"]);
  });

  it("-- pg-schema-ignore with no ids silences every rule for the statement", async () => {
    const { report } = await json(file("ignore-all.sql", "-- pg-schema-ignore\nCREATE TABLE audit (body varchar(10));\nCREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n"), ...KEEP);
    assert.deepEqual(report.findings, []);
  });

  it("-- pg-schema-ignore-file <rule> anywhere silences exactly that rule for the whole file", async () => {
    const path = file(
      "ignore-file.sql",
      `CREATE TABLE audit (body varchar(10));
-- pg-schema-ignore-file prefer-text-field
CREATE TABLE notes (body varchar(100));
`,
    );
    const { report } = await json(path, ...KEEP);
    assert.deepEqual(report.findings.map((f) => `${f.rule}@${f.location!.line}`).sort(), ["require-primary-key@1", "require-primary-key@3"]);
    // The same file without the comment: both rules on both tables.
    const { report: plain } = await json(file("no-ignore.sql", "CREATE TABLE audit (body varchar(10));\nCREATE TABLE notes (body varchar(100));\n"), ...KEEP);
    assert.deepEqual(rulesOf(plain), ["prefer-text-field", "prefer-text-field", "require-primary-key", "require-primary-key"]);
  });

  it("a syntax error is exactly one syntax-error finding with file, line and column (exit 2, no crash)", async () => {
    const path = file("broken.sql", "CREATE TABLE ok_table (id bigint PRIMARY KEY);\nCREATE TABLE t (\n  id bigint SELEC\n);\n");
    const { code, report } = await json(path);
    assert.equal(code, 2);
    assert.deepEqual(report.findings, [
      { rule: "syntax-error", severity: "error", message: 'syntax error at or near "SELEC"', location: { file: path, line: 3, column: 13 } },
    ]);
    assert.deepEqual(report.locks, []);
    const text = await cli("lint", path);
    assert.equal(text.code, 2);
    assert.equal(text.stderr, "");
    assert.ok(text.stdout.startsWith(`${path}:3:13: error: syntax error at or near "SELEC" [syntax-error]\n  3 |   id bigint SELEC\n    |             ^\n`), text.stdout);
  });

  it("a folder target lints its .sql files in name order (and nothing else)", async () => {
    const dir = join(tmp, "migrations");
    file("migrations/0002_notes.sql", "CREATE TABLE notes (body text);\n");
    file("migrations/0001_audit.sql", "CREATE TABLE audit (body text);\n");
    file("migrations/README.md", "CREATE TABLE not_sql (body text);\n");
    const { code, report } = await json(dir, "--rule", "require-primary-key", "--fail-on", "warning");
    assert.equal(code, 2);
    assert.deepEqual(
      report.findings.map((f) => [f.location!.file, f.message]),
      [
        [join(dir, "0001_audit.sql"), "table public.audit has no primary key"],
        [join(dir, "0002_notes.sql"), "table public.notes has no primary key"],
      ],
    );
  });
});

describe("pg-schema lint with a config file", () => {
  const migration = file("config-target.sql", WARNINGS_ONLY);

  it("pg-schema.config.json via --config: a rule off, a severity raised, failOn", async () => {
    const config = file("pg-schema.config.json", JSON.stringify({ lint: { rules: { "prefer-text-field": "off", "require-primary-key": "error" }, failOn: "warning" } }));
    const without = await json(migration, ...KEEP);
    assert.equal(without.code, 0);
    assert.deepEqual(without.report.findings.map((f) => `${f.rule}:${f.severity}`).sort(), ["prefer-text-field:info", "require-primary-key:warning"]);
    const { code, report } = await json(migration, ...KEEP, "--config", config);
    assert.equal(code, 2);
    assert.deepEqual(report.findings.map((f) => `${f.rule}:${f.severity}`), ["require-primary-key:error"]);
  });

  it("failOn from the config makes a warning fail; --fail-on on the command line wins over it", async () => {
    const config = file("fail-on.config.json", JSON.stringify({ lint: { failOn: "warning" } }));
    assert.equal((await cli("lint", migration, ...KEEP)).code, 0);
    assert.equal((await cli("lint", migration, ...KEEP, "--config", config)).code, 2);
    assert.equal((await cli("lint", migration, ...KEEP, "--config", config, "--fail-on", "error")).code, 0);
  });

  it("the YAML form (pg-schema.config.yaml) reads the same", async () => {
    const config = file(
      "pg-schema.config.yaml",
      `lint:
  failOn: warning
  rules:
    prefer-text-field: "off"
    require-primary-key: error
`,
    );
    const { code, report } = await json(migration, ...KEEP, "--config", config);
    assert.equal(code, 2);
    assert.deepEqual(report.findings.map((f) => `${f.rule}:${f.severity}`), ["require-primary-key:error"]);
    // YAML's bare `off` is the string "off" in YAML 1.2, as the yaml package reads it.
    const bare = file("bare-off.config.yaml", "lint:\n  rules:\n    prefer-text-field: off\n");
    const r = await json(migration, "--rule", "prefer-text-field", "--config", bare);
    assert.deepEqual(r.report.findings, []);
  });

  it("an unknown rule id in the config is exit 1 with a message that names it", async () => {
    const config = file("unknown-rule.config.json", JSON.stringify({ lint: { rules: { "no-such-rule": "error" } } }));
    const r = await cli("lint", migration, "--config", config);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error: .*unknown rule "no-such-rule" in the config/);
    assert.ok(r.stderr.includes(config), `the message names the config file: ${r.stderr}`);
  });

  it("a bad setting or a broken file is exit 1 with the file and the key", async () => {
    const badLevel = file("bad-level.config.json", JSON.stringify({ lint: { rules: { "prefer-text-field": "loud" } } }));
    const r1 = await cli("lint", migration, "--config", badLevel);
    assert.equal(r1.code, 1);
    assert.match(r1.stderr, /bad-level\.config\.json: rules\.prefer-text-field/);
    const broken = file("broken.config.json", "{ lint: ");
    const r2 = await cli("lint", migration, "--config", broken);
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /broken\.config\.json: /);
    const unknownKey = file("unknown-key.config.json", JSON.stringify({ lint: { failOn: "warning", colour: true } }));
    const r3 = await cli("lint", migration, "--config", unknownKey);
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /unknown-key\.config\.json: /);
  });
});

/** A schema with findings that only the schema rules see (a foreign key without an index) and one without a key. */
const SCHEMA = `CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id)
);
CREATE TABLE events (body text);
`;

describe("pg-schema lint on schemas: a .json snapshot and --load", () => {
  it("a snapshot written by `pg-schema inspect --json` runs the schema rules (findings name the object, no location)", async () => {
    const sql = file("schema.sql", SCHEMA);
    const inspect = await cli("inspect", "-q", "--json", sql);
    assert.equal(inspect.code, 0, inspect.stderr);
    const snapshot = file("schema.json", inspect.stdout);
    const { code, report } = await json(snapshot, "--rule", "fk-missing-index", "--rule", "require-primary-key", "--fail-on", "warning");
    assert.equal(code, 2);
    assert.deepEqual(rulesOf(report), ["fk-missing-index", "require-primary-key"]);
    const fk = report.findings.find((f) => f.rule === "fk-missing-index")!;
    assert.equal(fk.location, undefined);
    assert.match(fk.object ?? "", /^public\.orders/);
    assert.equal(report.findings.find((f) => f.rule === "require-primary-key")!.object, "public.events");
    assert.deepEqual(report.locks, []);
    // Text: the object where the file position would be.
    const text = await cli("lint", snapshot, "--rule", "require-primary-key");
    assert.match(text.stdout, /^public\.events: warning: table public\.events has no primary key \[require-primary-key\]\n {2}help: /m);
  });

  it("--load on a .sql file also loads it into PGlite and runs the schema rules", async () => {
    const sql = file("load.sql", SCHEMA);
    const plain = await json(sql, "--rule", "fk-missing-index", "--rule", "require-primary-key");
    // Without --load: the statement hook of require-primary-key only (fk-missing-index is a schema rule).
    assert.deepEqual(plain.report.findings.map((f) => `${f.rule}@${f.location?.line ?? "schema"}`), ["require-primary-key@6"]);
    const loaded = await json(sql, "--load", "--rule", "fk-missing-index", "--rule", "require-primary-key");
    assert.deepEqual(loaded.report.findings.map((f) => `${f.rule}@${f.location?.line ?? "schema"}`).sort(), ["fk-missing-index@schema", "require-primary-key@6", "require-primary-key@schema"]);
  });
});

describe("pg-schema lint report formats", () => {
  it("--format json: formatVersion, the findings, and the locks each statement takes", async () => {
    const path = file("json.sql", `SET lock_timeout = '5s';\n${MIGRATION}`);
    const { code, report } = await json(path);
    assert.equal(code, 2);
    assert.equal(report.formatVersion, 1);
    const required = report.findings.find((f) => f.rule === "adding-required-field")!;
    assert.deepEqual(required, {
      rule: "adding-required-field",
      severity: "error",
      message: "column email is added to public.users NOT NULL without a default",
      location: { file: path, line: 3, column: 30 },
      help: required.help,
      object: "public.users.email",
    });
    assert.ok(!report.findings.some((f) => f.rule === "require-lock-timeout"), "lock_timeout is set first");
    assert.deepEqual(
      report.locks.map((l) => ({ line: l.location.line, column: l.location.column, statement: l.statement, locks: l.locks })),
      [
        { line: 3, column: 1, statement: "ALTER TABLE users ADD COLUMN email text NOT NULL", locks: [{ table: "public.users", mode: "ACCESS EXCLUSIVE" }] },
        { line: 4, column: 1, statement: "CREATE INDEX users_email ON users (email)", locks: [{ table: "public.users", mode: "SHARE" }] },
      ],
    );
  });

  it("--json is --format json, and -o writes the report to a file", async () => {
    const path = file("out.sql", WARNINGS_ONLY);
    const a = await cli("lint", path, ...KEEP, "--json");
    const b = await cli("lint", path, ...KEEP, "--format", "json", "-o", join(tmp, "report.json"));
    assert.equal(b.stdout, "");
    assert.equal(b.files.get(join(tmp, "report.json")), a.stdout);
  });

  it("--format github: one workflow command per finding with file, line, col and title", async () => {
    const path = file("github.sql", "CREATE TABLE notes (body varchar(100));\nALTER TABLE users ADD COLUMN email text NOT NULL;\n");
    const r = await cli("lint", path, "--format", "github", "--rule", "require-primary-key", "--rule", "prefer-text-field", "--rule", "adding-required-field");
    assert.equal(r.code, 2);
    const lines = r.stdout.split("\n").filter(Boolean);
    assert.deepEqual(lines, [
      `::warning file=${path},line=1,col=14,title=pg-schema require-primary-key::table public.notes has no primary key. \`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY\`, or a primary key on the natural key.`,
      `::notice file=${path},line=1,col=26,title=pg-schema prefer-text-field::column body of public.notes is varchar(100). \`text\`, with \`CHECK (char_length(col) <= n)\` when the limit is real.`,
      `::error file=${path},line=2,col=30,title=pg-schema adding-required-field::column email is added to public.users NOT NULL without a default. Add the column with a DEFAULT (instant since PostgreSQL 11 for a constant), or add it nullable, backfill, then SET NOT NULL through a validated CHECK.`,
    ]);
  });

  it("--format github escapes `:` and `,` in properties and newlines in the message", async () => {
    const path = file("odd,name:1.sql", "CREATE TABLE t (\n  id bigint SELEC\n);\n");
    const r = await cli("lint", path, "--format", "github");
    assert.equal(r.stdout, `::error file=${path.replaceAll(":", "%3A").replaceAll(",", "%2C")},line=2,col=13,title=pg-schema syntax-error::syntax error at or near "SELEC"\n`);
  });
});

describe("pg-schema lint on a live database: the schema rules and the live rules on its statistics", async () => {
  const unavailable = await serverUnavailable();
  it("a postgres:// URL: findings from the statistics (a sequence near its end), progress on stderr, exit by severity", { skip: unavailable ?? false }, async () => {
    const s = await scratchDatabase("pgs_lint_cli");
    try {
      await s.db.exec("CREATE TABLE counters (id serial PRIMARY KEY, n bigint NOT NULL); SELECT setval('counters_id_seq', 2000000000);");
      const r = await cli("lint", s.url, "--format", "json", "--rule", "sequence-near-exhaustion", "--rule", "require-primary-key");
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /reading the catalog and the statistics/);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.object}`), ["sequence-near-exhaustion public.counters_id_seq"]);
      assert.match(report.findings[0]!.message, /public\.counters\.id \(integer\) is at 2000000000, 93\.1 % of its range up to 2147483647/);
      // The same schema as a snapshot has no statistics: the live rule does not run.
      const inspect = await cli("inspect", "-q", "--json", s.url);
      const snapshot = file("live.json", inspect.stdout);
      assert.deepEqual((await json(snapshot, "--rule", "sequence-near-exhaustion")).report.findings, []);
    } finally {
      await s.drop();
    }
  });
});
