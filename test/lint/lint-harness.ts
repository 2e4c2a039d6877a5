import { introspectInTransaction } from "../../src/catalog/introspect.js";
import type { Database } from "../../src/db/queryable.js";
import { activeRules } from "../../src/lint/config.js";
import type { Finding } from "../../src/lint/finding.js";
import { lintCatalog, lintMigration } from "../../src/lint/lint.js";
import type { Rule } from "../../src/lint/rule.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { loadParser } from "../../src/sql/parser.js";

const PG_VERSION = 150000;

/** The statement findings of one rule on a migration text. */
export async function lintText(rule: Rule, sql: string): Promise<Finding[]> {
  const parser = await loadParser();
  return lintMigration(parser, "case.sql", sql, { rules: activeRules([rule], {}), pgVersion: PG_VERSION }).findings.filter((f) => f.rule === rule.id);
}

/**
 * The schema findings of one rule on `setup` + `sql` loaded into `db` inside a transaction that is rolled back;
 * `then` runs before the rollback (to apply a fix and lint again).
 */
export async function lintLoaded(
  db: Database,
  rule: Rule,
  sql: string,
  then?: (findings: Finding[], relint: () => Promise<Finding[]>, exec: (sql: string) => Promise<void>) => Promise<void>,
): Promise<Finding[]> {
  return db.session(async (s) => {
    await s.exec("BEGIN");
    try {
      await applySql(s, [{ name: "case.sql", text: sql }]);
      const relint = async (): Promise<Finding[]> =>
        lintCatalog(await introspectInTransaction(s, { schemas: ["public"] }), { rules: activeRules([rule], {}), pgVersion: PG_VERSION }).filter((f) => f.rule === rule.id);
      const findings = await relint();
      // CONCURRENTLY cannot run in the transaction the case is rolled back with; the plain form has the same effect.
      await then?.(findings, relint, (fix) => applySql(s, [{ name: "fix.sql", text: fix.replace(/\bCONCURRENTLY\b/gi, "") }]));
      return findings;
    } finally {
      await s.exec("ROLLBACK");
    }
  });
}
