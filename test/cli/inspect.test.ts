import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { openPostgresJs } from "../../src/db/postgres-js.js";
import { cli, cliProcess } from "../helpers/cli.js";
import { SERVER_URL, serverUnavailable } from "../helpers/server.js";

const SHOP = new URL("../../examples/shop.sql", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "pg-schema-cli-"));
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe("pg-schema --help", () => {
  it("prints usage for the program and for inspect, exit 0", async () => {
    const main = await cli("--help");
    assert.equal(main.code, 0);
    assert.match(main.stdout, /Usage: pg-schema <command>/);
    assert.match(main.stdout, /Exit codes: 0 clean; 1 error; 2 findings or changes; 3 unsafe/);
    const inspect = await cli("inspect", "--help");
    assert.equal(inspect.code, 0);
    assert.match(inspect.stdout, /--format <summary\|json\|sql>/);
    assert.equal(inspect.stderr, "");
  });

  it("rejects an unknown command and an unknown option with exit 1", async () => {
    assert.equal((await cli("frobnicate")).code, 1);
    const bad = await cli("inspect", "--frob", SHOP);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--frob/);
  });
});

describe("pg-schema inspect on the shipped example", () => {
  it("prints counts per object kind on stdout and progress on stderr", async () => {
    const r = await cli("inspect", SHOP);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^tables\s+4$/m);
    assert.match(r.stdout, /^extensions\s+1$/m);
    assert.match(r.stderr, /starting embedded PostgreSQL/);
  });

  it("--json is byte-stable across runs and round-trips as a snapshot source", async () => {
    const first = await cli("inspect", "-q", "--json", SHOP);
    const second = await cli("inspect", "-q", "--json", SHOP);
    assert.equal(first.code, 0);
    assert.equal(first.stdout, second.stdout);
    assert.equal(first.stderr, "");
    const snapshot = file("shop.json", first.stdout);
    const again = await cli("inspect", "-q", "--json", snapshot);
    assert.equal(again.stdout, first.stdout);
  });

  it("--format sql writes DDL that loads back into the same catalog", async () => {
    const sql = await cli("inspect", "-q", "--format", "sql", SHOP);
    assert.equal(sql.code, 0);
    assert.match(sql.stdout, /CREATE TABLE shop\.customer/);
    const reloaded = await cli("inspect", "-q", "--json", file("shop-ddl.sql", sql.stdout));
    const original = await cli("inspect", "-q", "--json", SHOP);
    assert.equal(reloaded.stdout, original.stdout);
  });

  it("--schema limits the inspection and names a missing schema", async () => {
    const only = await cli("inspect", "-q", "--json", "--schema", "public", SHOP);
    assert.equal(only.code, 0);
    assert.equal((JSON.parse(only.stdout) as { tables: unknown[] }).tables.length, 0);
    const missing = await cli("inspect", "-q", "--schema", "nope", SHOP);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such schema: nope/);
  });

  it("applies a folder of .sql files in name order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pg-schema-dir-"));
    writeFileSync(join(dir, "002_b.sql"), "create table b (a_id int references a (id));");
    writeFileSync(join(dir, "001_a.sql"), "create table a (id int primary key);");
    writeFileSync(join(dir, "notes.txt"), "not sql");
    const r = await cli("inspect", "-q", dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^tables\s+2$/m);
  });
});

describe("pg-schema inspect on bad input", () => {
  it("names file, line and column of a syntax error with a caret, exit 1", async () => {
    const bad = file("bad.sql", "-- header\ncreate table t (id int);\n\ncreate table u (\n  a int,,\n  b int\n);\n");
    const r = await cli("inspect", "-q", bad);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.ok(r.stderr.includes(`${bad}:5:9: ERROR 42601: syntax error at or near ","`), r.stderr);
    assert.ok(r.stderr.includes("5 |   a int,,\n  |         ^"), r.stderr);
  });

  it("points at the statement that failed to run, after earlier statements succeeded", async () => {
    const bad = file("bad2.sql", "create table t (id int);\ninsert into t values (1);\nselect * from nosuch;\n");
    const r = await cli("inspect", "-q", bad);
    assert.equal(r.code, 1);
    assert.ok(r.stderr.includes(`${bad}:3:15: ERROR 42P01: relation "nosuch" does not exist`), r.stderr);
  });

  it("names host and port of an unreachable database, never the password", async () => {
    const r = await cli("inspect", "postgres://someone:s3cret@127.0.0.1:1/db");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /127\.0\.0\.1:1/);
    assert.doesNotMatch(r.stderr, /s3cret/);
  });

  it("lists the source forms for an unknown source", async () => {
    const r = await cli("inspect", file("schema.txt", "x"));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /postgres:\/\/ or postgresql:\/\/ URL/);
    assert.match(r.stderr, /\.sql file or a folder of \.sql files/);
    assert.match(r.stderr, /\.json snapshot/);
    assert.match((await cli("inspect", "mysql://localhost/db")).stderr, /unsupported URL scheme/);
  });

  it("says which snapshot format version it reads", async () => {
    const r = await cli("inspect", file("old.json", JSON.stringify({ formatVersion: 99, tables: [] })));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /snapshot format version 99; this pg-schema reads version 1/);
    const notSnapshot = await cli("inspect", file("other.json", "{}"));
    assert.match(notSnapshot.stderr, /not a pg-schema snapshot/);
  });
});

describe("--strict", () => {
  it("fails on objects of a kind pg-schema does not model, and names them", async () => {
    const sql = file(
      "unmodeled.sql",
      "create table t (a int, b int);\ncreate statistics t_ab (dependencies) on a, b from t;\n",
    );
    const lenient = await cli("inspect", "-q", sql);
    assert.equal(lenient.code, 0);
    assert.match(lenient.stdout, /statistics object: public\.t_ab/);
    const strict = await cli("inspect", "-q", "--strict", sql);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /statistics object: public\.t_ab/);
  });
});

describe("--shadow on the server", async () => {
  const unavailable = await serverUnavailable();
  const shadowDatabases = async (): Promise<string[]> => {
    const db = await openPostgresJs(SERVER_URL, { max: 1 });
    try {
      const rows = await db.query<{ datname: string }>("select datname from pg_database where datname like 'pg_schema_shadow_%'");
      return rows.map((r) => r.datname);
    } finally {
      await db.close();
    }
  };

  it("loads into a temporary database and drops it", { skip: unavailable ?? false }, async () => {
    const before = await shadowDatabases();
    const r = await cli("inspect", "-q", "--shadow", SERVER_URL, SHOP);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\(PostgreSQL 15\)|\(PostgreSQL 1[3-9]\)/);
    assert.deepEqual(await shadowDatabases(), before);
  });

  it("loads PostgreSQL 15 text our PostgreSQL 18 parser rejects (a parameter named json), and writes it back quoted", { skip: unavailable ?? false }, async () => {
    const sql = file(
      "json-param.sql",
      "create function public.f(json json) returns int language sql as 'select 1';\ncreate table public.t (a int);\n",
    );
    const r = await cli("inspect", "-q", "--format", "sql", "--shadow", SERVER_URL, sql);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /CREATE FUNCTION public\.f\("json" json\)/);
    const reloaded = await cli("inspect", "-q", "--json", file("json-param-ddl.sql", r.stdout));
    assert.equal(reloaded.code, 0, reloaded.stderr);
  });

  it("drops the temporary database when interrupted with Ctrl-C", { skip: unavailable ?? false, timeout: 60_000 }, async () => {
    const before = await shadowDatabases();
    const slow = file("slow.sql", "create table t (id int);\nselect pg_sleep(30);\n");
    let sent = false;
    const r = await cliProcess(["inspect", "--shadow", SERVER_URL, slow], (stderr, kill) => {
      if (!sent && stderr.includes("applying")) {
        sent = true;
        setTimeout(() => kill("SIGINT"), 300);
      }
    });
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /interrupted/);
    assert.deepEqual(await shadowDatabases(), before);
  });
});
