import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES } from "../../src/lint/rules/index.js";
import { lintCorpusSchema } from "../../scripts/lint-corpus.js";
import { CORPUS_MISSING, corpusNames, corpusSql } from "../helpers/corpus.js";

/**
 * Every corpus schema file linted with every rule (statement hooks, as `pg-schema lint <file>`): no rule throws on
 * real DDL, PostgreSQL's parser (libpg-query, PG 18 grammar) accepts every file, and every finding points inside
 * its file. The corpus files all load on PostgreSQL; were one to use syntax the PG 18 grammar rejects (PG 15-only
 * forms), it would go in PARSER_REJECTS with the reason, and this test would check it still does.
 */
const PARSER_REJECTS: Record<string, string> = {};

describe("lint on the corpus", { skip: CORPUS_MISSING }, () => {
  for (const name of corpusNames()) {
    it(`${name}: every rule runs, no syntax-error, findings point inside the file`, async () => {
      const result = await lintCorpusSchema(name);
      const syntax = result.findings.filter((f) => f.rule === "syntax-error");
      if (PARSER_REJECTS[name]) {
        assert.equal(syntax.length, 1, `${name} is listed as rejected by the parser (${PARSER_REJECTS[name]}) but parses: remove it from PARSER_REJECTS`);
        return;
      }
      assert.deepEqual(syntax.map((f) => `${f.location?.line}:${f.location?.column} ${f.message}`), [], `${name} parses on PostgreSQL`);
      const lines = corpusSql(name).text.split("\n");
      for (const f of result.findings) {
        assert.ok(f.rule in RULES, `unknown rule ${f.rule}`);
        const at = f.location!;
        assert.equal(at.file, `corpus/${name}/schema.sql`);
        assert.ok(at.line >= 1 && at.line <= lines.length, `${f.rule} at line ${at.line} of ${lines.length}`);
        assert.ok(at.column >= 1 && at.column <= lines[at.line - 1]!.length + 1, `${f.rule} at ${at.line}:${at.column}`);
        assert.ok(f.message.length > 0);
      }
    });
  }
});
