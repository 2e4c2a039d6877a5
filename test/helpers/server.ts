import { randomBytes } from "node:crypto";
import { connectionTarget, withDatabase } from "../../src/db/connection-url.js";
import { openPostgresJs } from "../../src/db/postgres-js.js";
import type { Database } from "../../src/db/queryable.js";

/** The PostgreSQL server the suite may use; scratch databases are created on it and always dropped. */
export const SERVER_URL = process.env.PGSCHEMA_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let available: Promise<string | undefined> | undefined;

/** `undefined` when the server answers, else the reason to print when skipping. */
export function serverUnavailable(): Promise<string | undefined> {
  available ??= (async () => {
    try {
      const db = await openPostgresJs(SERVER_URL, { max: 1 });
      await db.close();
      return undefined;
    } catch (e) {
      const t = connectionTarget(SERVER_URL);
      return `PostgreSQL server at ${t.host}:${t.port} unavailable (${(e as Error).message}); set PGSCHEMA_TEST_URL`;
    }
  })();
  return available;
}

export interface ScratchDatabase {
  readonly url: string;
  readonly name: string;
  readonly db: Database;
  drop(): Promise<void>;
}

/** A new empty database on the server, named uniquely (`create` adds CREATE DATABASE options); `drop()` closes and removes it. */
export async function scratchDatabase(prefix = "pgs_test", create = ""): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = await openPostgresJs(SERVER_URL, { max: 1 });
  try {
    await admin.query(`create database "${name}" ${create}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(SERVER_URL, name);
  const db = await openPostgresJs(url);
  return {
    url,
    name,
    db,
    async drop() {
      await db.close();
      const a = await openPostgresJs(SERVER_URL, { max: 1 });
      try {
        await a.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}
