import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { caretExcerpt, lineColumn } from "../../src/sources/source-error.js";
import { ensureParser, splitStatements } from "../../src/sources/split-statements.js";

describe("splitStatements", () => {
  before(() => ensureParser());

  it("splits on the parser's boundaries: strings, dollar quotes and BEGIN ATOMIC bodies stay whole", () => {
    const script = [
      "create table t (a text default 'x; y');",
      "create function f() returns int language plpgsql as $$ begin return 1; end $$;",
      "create function g() returns int language sql begin atomic select 1; select 2; end;",
      "-- trailing comment",
    ].join("\n");
    const statements = splitStatements(script)!;
    assert.deepEqual(statements.map((s) => s.kind), ["CreateStmt", "CreateFunctionStmt", "CreateFunctionStmt"]);
    assert.equal(script.slice(statements[1]!.offset).trimStart().startsWith("create function f()"), true);
  });

  it("maps UTF-8 byte offsets to string offsets when names are not ASCII", () => {
    const script = "create table \"tëst\" (a int);\ncreate table bıgınt (b int);";
    const statements = splitStatements(script)!;
    assert.equal(statements.length, 2);
    assert.equal(statements[1]!.text.trim(), "create table bıgınt (b int)");
    assert.equal(script.slice(statements[1]!.offset, statements[1]!.offset + statements[1]!.text.length), statements[1]!.text);
  });

  it("marks statements that cannot run in a transaction block", () => {
    const statements = splitStatements(
      "create index concurrently i on t (a); create index j on t (a); drop index concurrently i; reindex (concurrently) index j; vacuum t;",
    )!;
    assert.deepEqual(statements.map((s) => s.mustRunAlone), [true, false, true, true, true]);
  });

  it("gives up (returns undefined) on text its grammar rejects, so the server can judge", () => {
    assert.equal(splitStatements("create table t (a int,, b int);"), undefined);
  });
});

describe("source positions", () => {
  it("computes 1-based line and column and draws a caret", () => {
    const text = "select 1;\nselect * frm t;\n";
    const { line, column } = lineColumn(text, text.indexOf("frm"));
    assert.deepEqual({ line, column }, { line: 2, column: 10 });
    assert.equal(caretExcerpt(text, line, column), "2 | select * frm t;\n  |          ^");
  });
});
