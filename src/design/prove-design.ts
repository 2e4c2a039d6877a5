import { introspect, introspectInTransaction } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import type { Database, Queryable } from "../db/queryable.js";
import { catalogRoles } from "../plan/catalog-roles.js";
import { errorText } from "../plan/error-text.js";
import type { PlanOptions } from "../plan/options.js";
import { isEmptyPlan, type Plan } from "../plan/plan-types.js";
import { planMigration } from "../plan/plan.js";
import { provePlan, type ProofReport } from "../plan/prove.js";
import { withScratchDatabase } from "../plan/scratch.js";
import { insertSampleRows, type SampleReport } from "../sample/index.js";
import { applySql } from "../sources/apply-sql.js";
import { dollarQuoted, ident, literal, qualified } from "../sql/ident.js";
import { alignColumnOrder } from "./align-columns.js";
import { designToSql } from "./design-sql.js";
import { PROBE_MARK } from "./rules/indexes.js";
import type { Design, DesignConstraint, PatternQuery, Verification } from "./design-types.js";

/** One thing the proof exercised, as the report shows it. */
export interface ExerciseCheck {
  readonly kind: "ddl" | "verification" | "sample" | "rejects" | "trigger" | "rls" | "index-use";
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface DesignProof {
  readonly ok: boolean;
  readonly checks: readonly ExerciseCheck[];
  /** The proof of the migration (UP converges, re-plan empty, verifications after UP, DOWN restores). */
  readonly plan: ProofReport;
  readonly sample?: SampleReport;
}

export interface DesignRun {
  readonly design: Design;
  readonly ddl: string;
  /** The designed schema as PostgreSQL read it back. */
  readonly catalog: Catalog;
  readonly from: Catalog;
  readonly plan: Plan;
  readonly proof: DesignProof;
}

export interface DesignRunOptions {
  /** The existing schema to evolve (default: an empty database). */
  readonly from?: Catalog;
  /** A server URL: run on temporary databases there instead of embedded PGlite. */
  readonly shadow?: string;
  /** Sample rows per table (default 60). */
  readonly rows?: number;
  readonly plan?: PlanOptions;
  readonly progress?: (message: string) => void;
}

/**
 * Runs a design on a real engine before anyone sees it: the DDL loads; sample rows insert; every CHECK, UNIQUE,
 * FOREIGN KEY, EXCLUDE and NOT NULL rejects a row that breaks it; `updated_at` triggers fire; RLS hides other
 * tenants' rows; each access pattern's query uses its index; then the migration from `from` is planned and proven
 * (UP converges, verification queries pass right after UP, DOWN restores `from`).
 */
export async function runDesign(designed: Design, options: DesignRunOptions = {}): Promise<DesignRun> {
  const progress = options.progress ?? (() => {});
  const design = options.from ? alignColumnOrder(designed, options.from) : designed;
  const ddl = designToSql(design);
  const scratch = {
    ...(options.shadow === undefined ? {} : { shadow: options.shadow }),
    extensions: [...new Set([...design.extensions, ...(options.from?.extensions ?? []).map((e) => e.name)])],
    roles: [...new Set([...design.roles, ...(options.from ? catalogRoles(options.from) : [])])],
    progress,
  };
  // One engine for everything: the DDL is loaded and read back in a transaction that is rolled back, then the
  // migration is proven on the same, empty, database, and the design is exercised right after UP.
  return withScratchDatabase(scratch, async (db) => {
    const from = options.from ?? (await introspect(db));
    progress("design: loading the DDL");
    const catalog = await db.session(async (s) => {
      await s.exec("BEGIN");
      try {
        try {
          await s.exec(ddl);
        } catch {
          // Statement by statement only to name the one that fails (one script is one round trip).
          await s.exec("ROLLBACK; BEGIN;");
          await applySql(s, [{ name: "designed DDL", text: ddl }]);
        }
        return await introspectInTransaction(s);
      } finally {
        await s.exec("ROLLBACK");
      }
    });
    progress("design: planning the migration");
    const plan = planMigration(from, catalog, options.plan);
    let exercised: { checks: ExerciseCheck[]; sample: SampleReport } | undefined;
    const exerciseOn = async (target: Database): Promise<void> => {
      progress("design: exercising constraints, triggers, RLS and indexes on sample rows");
      exercised = await exercise(target, design, catalog, options.rows ?? 60);
    };
    const proof = await provePlan(plan, from, catalog, {
      db,
      progress,
      afterUp: async (target) => {
        if (design.seeds.length > 0) await target.exec(design.seeds.map((x) => x.sql).join("\n"));
        const failed = await failedVerifications(target, design.verifications);
        if (failed.length > 0) return { detail: "", failure: `verification queries fail after UP: ${failed.join("; ")}` };
        await exerciseOn(target);
        await emptyTables(target, design.schema);
        return { detail: `${design.verifications.length} design verification queries pass after UP` };
      },
    });
    if (exercised === undefined && isEmptyPlan(plan)) {
      // Nothing to migrate: `from` already is the design. Exercise the design on its own DDL.
      await db.session((s) => applySql(s, [{ name: "designed DDL", text: ddl }]));
      await exerciseOn(db);
    }
    const checks: ExerciseCheck[] = [{ kind: "ddl", name: "the DDL loads", ok: true }, ...(exercised?.checks ?? [])];
    const ok = proof.ok && exercised !== undefined && checks.every((c) => c.ok);
    return { design, ddl, catalog, from, plan, proof: { ok, checks, plan: proof, ...(exercised ? { sample: exercised.sample } : {}) } };
  });
}

/** Sample rows go before DOWN runs: the proof of DOWN is about the schema, on the empty tables it started from. */
async function emptyTables(db: Database, schema: string): Promise<void> {
  const tables = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_catalog.pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1",
    [schema],
  );
  if (tables.length > 0) await db.exec(`TRUNCATE ${tables.map((t) => qualified(schema, t.name)).join(", ")} RESTART IDENTITY CASCADE;`);
}

async function failedVerifications(db: Queryable, verifications: readonly Verification[]): Promise<string[]> {
  const failed: string[] = [];
  for (const v of verifications) {
    try {
      const rows = await db.query<{ pass: boolean }>(v.sql);
      if (rows[0]?.pass !== true) failed.push(v.name);
    } catch (e) {
      failed.push(`${v.name} (${errorText(e)})`);
    }
  }
  return failed;
}

async function exercise(db: Database, design: Design, catalog: Catalog, rows: number): Promise<{ checks: ExerciseCheck[]; sample: SampleReport }> {
  const checks: ExerciseCheck[] = [];

  // Parents (without access patterns of their own) fewer than children and few tenants, as in production: a filter on one foreign key or on the tenant
  // must not look as selective as the pattern's whole key.
  const tenants = design.tenancy?.table;
  const parents = new Set(catalog.tables.flatMap((t) => t.constraints.flatMap((c) => (c.kind === "foreign-key" && c.references.table.name !== t.name ? [c.references.table.name] : []))));
  for (const p of design.patterns) parents.delete(p.table);
  const perTable = (t: { name: string }): number => (t.name === tenants ? 3 : parents.has(t.name) ? Math.max(3, Math.floor(rows / 4)) : rows);
  const sample = await insertSampleRows(db, catalog, { rows: perTable, seed: 1, schemas: [design.schema] });
  const short = sample.tables.filter((t) => t.inserted === 0);
  checks.push({
    kind: "sample",
    name: `${sample.inserted} sample rows in ${sample.tables.length} tables`,
    ok: short.length === 0,
    ...(short.length ? { detail: `no rows in ${short.map((t) => `${t.table.name}${t.lastError ? ` (${t.lastError})` : ""}`).join(", ")}` } : {}),
  });

  checks.push(...(await rejections(db, design.constraints.filter((c) => c.violation !== undefined))));
  for (const t of design.tables.filter((x) => x.updatedAt)) checks.push(await updatedAtFires(db, design, t.name));
  if (design.tenancy) checks.push(...(await rlsIsolates(db, design)));
  // VACUUM too: index-only scans count on the visibility map, as they would on a table in use.
  await db.exec("VACUUM ANALYZE;");
  for (const p of design.patterns) checks.push(await usesIndex(db, design.schema, p));
  return { checks, sample };
}

/**
 * Runs every statement that must fail, each in its own subtransaction, in one round trip: a DO block executes them
 * and records the SQLSTATE each raised; one that went through raises a marker code to undo itself.
 */
async function rejections(db: Database, constraints: readonly DesignConstraint[]): Promise<ExerciseCheck[]> {
  if (constraints.length === 0) return [];
  const statements = constraints.map((c) => literal(c.violation!.sql)).join(",\n    ");
  const block = `DO ${dollarQuoted(`
DECLARE
  statements text[] := ARRAY[
    ${statements}
  ];
BEGIN
  FOR i IN 1 .. array_length(statements, 1) LOOP
    BEGIN
      EXECUTE statements[i];
      RAISE EXCEPTION USING ERRCODE = '${ACCEPTED}', MESSAGE = 'accepted';
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO pg_schema_rejections VALUES (i, SQLSTATE, SQLERRM);
    END;
  END LOOP;
END
`)}`;
  const rows = await db.session(async (s) => {
    await s.exec("CREATE TEMP TABLE pg_schema_rejections (i int, state text, message text);");
    try {
      await s.exec(block);
      return await s.query<{ i: number; state: string; message: string }>("SELECT i, state, message FROM pg_schema_rejections ORDER BY i");
    } finally {
      await s.exec("DROP TABLE IF EXISTS pg_schema_rejections;");
    }
  });
  return constraints.map((c, k) => {
    const row = rows.find((r) => Number(r.i) === k + 1);
    const { sql, sqlstate } = c.violation!;
    const ok = row?.state === sqlstate;
    const detail = ok ? undefined : row?.state === ACCEPTED ? `accepted: ${sql}` : `failed with ${row?.state ?? "?"} instead of ${sqlstate}: ${row?.message ?? ""}`;
    return { kind: "rejects" as const, name: `${c.kind} ${c.name}`, ok, ...(detail ? { detail } : {}) };
  });
}

/** The SQLSTATE a violating statement that went through raises to undo itself. */
const ACCEPTED = "PGS01";

async function updatedAtFires(db: Database, design: Design, table: string): Promise<ExerciseCheck> {
  const q = qualified(design.schema, table);
  const result = await db.session(async (s) => {
    await s.exec("BEGIN");
    try {
      const rows = await s.query<{ updated_at: unknown }>(`UPDATE ${q} SET updated_at = '2000-01-01' WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM ${q} LIMIT 1) RETURNING updated_at > '2000-01-02' AS updated_at`);
      if (rows.length === 0) return { ok: false, detail: "no row to update" };
      return rows[0]!.updated_at === true ? { ok: true } : { ok: false, detail: "updated_at kept the value the UPDATE wrote" };
    } finally {
      await s.exec("ROLLBACK");
    }
  });
  return { kind: "trigger", name: `${table}.updated_at is set on UPDATE`, ...result };
}

/** As the application role with one tenant set, every scoped table shows that tenant's rows and no other's. */
async function rlsIsolates(db: Database, design: Design): Promise<ExerciseCheck[]> {
  const t = design.tenancy!;
  const checks: ExerciseCheck[] = [];
  const tenant = (await db.query<{ id: string }>(`SELECT id::text AS id FROM ${qualified(design.schema, t.table)} LIMIT 1`))[0]?.id;
  if (tenant === undefined) return [{ kind: "rls", name: "tenant isolation", ok: false, detail: `no row in ${t.table}` }];
  for (const table of design.tables.filter((x) => x.rls)) {
    const key = table.name === t.table ? "id" : table.tenantKey!;
    const q = qualified(design.schema, table.name);
    const result = await db.session(async (s) => {
      await s.exec("BEGIN");
      try {
        await s.exec(`SET LOCAL ROLE ${ident(t.role)}`);
        await s.query(`SELECT set_config(${literal(t.setting)}, ${literal(tenant)}, true)`);
        const [row] = await s.query<{ own: number; other: number }>(`SELECT count(*) FILTER (WHERE ${ident(key)}::text = ${literal(tenant)})::int AS own, count(*) FILTER (WHERE ${ident(key)}::text <> ${literal(tenant)})::int AS other FROM ${q}`);
        return row!.other === 0 ? { ok: true, detail: `${row!.own} own row(s) visible, none of other tenants` } : { ok: false, detail: `${row!.other} row(s) of other tenants visible` };
      } finally {
        await s.exec("ROLLBACK");
      }
    });
    checks.push({ kind: "rls", name: `${table.name}: ${t.role} sees only its tenant's rows`, ...result });
  }
  return checks;
}

/**
 * EXPLAIN under the pattern's planner settings: the plan must name the index the design made for it, or on a
 * partitioned table one of that index's partitions.
 */
async function usesIndex(db: Database, schema: string, p: PatternQuery): Promise<ExerciseCheck> {
  const result = await db.session(async (s) => {
    await s.exec("BEGIN");
    try {
      const sql = await withSampleValues(s, p.sql);
      for (const setting of p.settings) await s.exec(`SET LOCAL ${setting}`);
      const rows = await s.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${sql}`);
      const plan = JSON.stringify(Object.values(rows[0] ?? {})[0]);
      const used = [...new Set([...plan.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]!))];
      const partitions = await s.query<{ name: string }>(
        `WITH RECURSIVE tree(oid) AS (SELECT to_regclass(${literal(`${schema}.${p.index}`)})::oid UNION ALL SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN tree ON i.inhparent = tree.oid) SELECT c.relname AS name FROM tree JOIN pg_catalog.pg_class c ON c.oid = tree.oid`,
      );
      const ours = new Set(partitions.map((r) => r.name));
      const settings = p.settings.join(", ");
      return used.some((u) => ours.has(u))
        ? { ok: true, detail: `uses ${p.index}${used.length > 1 || !used.includes(p.index) ? ` (${used.filter((u) => ours.has(u)).length} partition indexes)` : ""} with ${settings}` }
        : { ok: false, detail: `expected ${p.index}, the plan uses ${used.length ? used.join(", ") : "no index"} (${settings}; query: ${sql})` };
    } catch (e) {
      return { ok: false, detail: errorText(e) };
    } finally {
      await s.exec("ROLLBACK");
    }
  });
  return { kind: "index-use", name: `pattern ${p.pattern}`, ...result };
}

/** Replaces each marked sample subquery with its value as a typed constant (see `probe` in rules/indexes.ts). */
async function withSampleValues(s: Queryable, sql: string): Promise<string> {
  let out = sql;
  for (let start = out.indexOf(`(${PROBE_MARK}`); start !== -1; start = out.indexOf(`(${PROBE_MARK}`, start + 1)) {
    const end = closingParenthesis(out, start);
    const inner = out.slice(start + 1 + PROBE_MARK.length, end);
    const [row] = await s.query<{ v: string | null; t: string }>(`SELECT (${inner})::text AS v, pg_typeof((${inner}))::text AS t`);
    const value = row?.v === null || row?.v === undefined ? "NULL" : `${literal(row.v)}::${row.t}`;
    out = `${out.slice(0, start)}${value}${out.slice(end + 1)}`;
  }
  return out;
}

/** The index of the parenthesis closing the one at `open`, skipping quoted text. */
function closingParenthesis(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      i = sql.indexOf(ch, i + 1);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  throw new Error(`internal: unbalanced parentheses in a pattern query: ${sql}`);
}
