import { databaseErrorFrom } from "../db/errors.js";
import type { Queryable } from "../db/queryable.js";
import { sourceErrorAt } from "./source-error.js";
import { ensureParser, splitStatements } from "./split-statements.js";

export interface SqlText {
  /** How messages name it: a path as the user gave it. */
  readonly name: string;
  readonly text: string;
}

/**
 * Runs scripts statement by statement on one session, as `psql -f` does: each statement commits on its own, so
 * `CREATE INDEX CONCURRENTLY` and `ALTER TYPE … ADD VALUE` followed by its use both work, and `SET search_path`
 * carries on to the next statement. A failure becomes a `SqlSourceError` naming file, line and column.
 */
export async function applySql(session: Queryable, scripts: readonly SqlText[], progress?: (message: string) => void): Promise<void> {
  await ensureParser();
  for (const script of scripts) {
    const statements = splitStatements(script.text);
    progress?.(`applying ${script.name} (${statements ? `${statements.length} statements` : "as one script"})`);
    if (statements === undefined) {
      await run(session, script, 0, script.text);
      continue;
    }
    for (const statement of statements) await run(session, script, statement.offset, statement.text);
  }
}

async function run(session: Queryable, script: SqlText, offset: number, text: string): Promise<void> {
  try {
    await session.exec(text);
  } catch (e) {
    const db = databaseErrorFrom(e);
    if (!db) throw e;
    throw sourceErrorAt(script.name, script.text, offset, text, db);
  }
}
