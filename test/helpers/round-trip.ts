import assert from "node:assert/strict";
import { canonicalJson, schemaContent } from "../../src/catalog/canonical.js";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import type { Database } from "../../src/db/queryable.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { dumpDifference, normalizedDump } from "./pg-dump.js";
import type { PgliteScratch } from "./pglite.js";
import { scratchDatabase } from "./server.js";

export interface RoundTrip {
  readonly before: Catalog;
  readonly after: Catalog;
  readonly ddl: string;
}

export type Loader = (db: Database, sql: string) => Promise<void>;
const execLoader: Loader = (db, sql) => db.exec(sql);

/** load → inspect → DDL → load into a fresh database → inspect. */
export async function roundTripPglite(scratch: PgliteScratch, sql: string, load: Loader = execLoader): Promise<RoundTrip> {
  const first = await scratch.acquire();
  await load(first, sql);
  const before = await introspect(first);
  const ddl = catalogToSql(before);
  const roles = await rolesOf(first);
  const second = await scratch.acquire();
  await recreateRoles(second, roles);
  await loadDdl(second, ddl);
  const after = await introspect(second);
  return { before, after, ddl };
}

/**
 * Roles are cluster-wide, outside the catalog, and the PGlite scratch wipes them with everything else; the second
 * load needs the ones the first created (owners, grantees, policy roles), as a server's second database has them.
 */
async function rolesOf(db: Database): Promise<{ name: string; superuser: boolean }[]> {
  return db.query<{ name: string; superuser: boolean }>(
    "select rolname as name, rolsuper as superuser from pg_catalog.pg_roles where oid >= 16384 order by oid",
  );
}

async function recreateRoles(db: Database, roles: readonly { name: string; superuser: boolean }[]): Promise<void> {
  for (const r of roles) {
    await db.query(`create role "${r.name.replaceAll('"', '""')}"${r.superuser ? " superuser" : ""}`);
  }
}

/** The same on the server, plus `pg_dump --schema-only` of both databases. */
export async function roundTripServer(
  sql: string,
  load: Loader = execLoader,
): Promise<RoundTrip & { dumpBefore: string[]; dumpAfter: string[] }> {
  const a = await scratchDatabase();
  const b = await scratchDatabase();
  try {
    await load(a.db, sql);
    const before = await introspect(a.db);
    const ddl = catalogToSql(before);
    await loadDdl(b.db, ddl);
    const after = await introspect(b.db);
    return { before, after, ddl, dumpBefore: await normalizedDump(a.url), dumpAfter: await normalizedDump(b.url) };
  } finally {
    await a.drop();
    await b.drop();
  }
}

async function loadDdl(db: Database, ddl: string): Promise<void> {
  try {
    await db.exec(ddl);
  } catch (e) {
    const position = (e as { position?: number }).position;
    const context = position ? ddl.slice(Math.max(0, position - 300), position + 200) : "";
    throw new Error(`generated DDL failed to load: ${(e as Error).message}\n…${context}…`, { cause: e });
  }
}

/** Catalogs equal as canonical JSON; on failure the message shows the first differing lines. */
export function assertSameSchema(actual: Catalog, expected: Catalog, label = "round trip"): void {
  const a = canonicalJson(schemaContent(actual));
  const e = canonicalJson(schemaContent(expected));
  if (a === e) return;
  const al = a.split("\n");
  const el = e.split("\n");
  let i = 0;
  while (i < al.length && al[i] === el[i]) i++;
  const context = (lines: string[]) => lines.slice(Math.max(0, i - 8), i + 8).join("\n");
  assert.fail(`${label}: catalogs differ at line ${i + 1}\n--- after\n${context(al)}\n--- before\n${context(el)}`);
}

export function assertSameDump(before: readonly string[], after: readonly string[], label = "pg_dump"): void {
  const { onlyBefore, onlyAfter } = dumpDifference(before, after);
  if (onlyBefore.length === 0 && onlyAfter.length === 0) return;
  assert.fail(
    `${label}: dumps differ\n--- only in the original (${onlyBefore.length}):\n${onlyBefore.slice(0, 5).join("\n\n")}\n` +
      `--- only in the reloaded (${onlyAfter.length}):\n${onlyAfter.slice(0, 5).join("\n\n")}`,
  );
}
