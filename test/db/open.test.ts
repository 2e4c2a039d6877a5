/**
 * `src/db/open.ts` loads driver packages only on demand: a `postgres://` run never loads PGlite and an embedded run
 * never loads postgres.js. Checked in a child process of the current runtime that reports every driver package it
 * loads (Node: a module-resolution hook; Bun: a preloaded plugin). A failed connection still shows what was loaded,
 * so these cases do not need the test server.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect, promisify } from "node:util";
import { defaultWireDriver, isBunRuntime, openDatabase } from "../../src/db/open.js";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const openModule = pathToFileURL(join(projectRoot, "src/db/open.ts")).href;
const SERVER_URL = process.env.PGSCHEMA_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const onBun = isBunRuntime();
/** Per child process (PGlite start-up is seconds; bun test would otherwise stop a case after 5 s). */
const CHILD_TIMEOUT = 120_000;
const PACKAGE = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

/** Node: a resolve hook (node:module register) that reports every package module it resolves. */
const NODE_HOOK = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const match = ${PACKAGE.toString()}.exec(result.url);
  if (match) process.stderr.write("LOADED " + match[1].replace("\\\\", "/") + "\\n");
  return result;
}
`;
const nodeRegister = (hookUrl: string): string =>
  `import { register } from "node:module"; register(${JSON.stringify(hookUrl)});`;
/** Bun: a preloaded runtime plugin that reports every postgres.js / PGlite module it loads. */
const BUN_PLUGIN = `
Bun.plugin({
  name: "report-driver-loads",
  setup(build) {
    build.onLoad({ filter: /[\\\\/]node_modules[\\\\/](postgres|@electric-sql[\\\\/]pglite)[\\\\/]/ }, async (args) => {
      const match = ${PACKAGE.toString()}.exec(args.path);
      process.stderr.write("LOADED " + match[1].replace("\\\\", "/") + "\\n");
      return { contents: await Bun.file(args.path).text(), loader: "js" };
    });
  },
});
`;
const CHILD = `
const open = await import(${JSON.stringify(openModule)});
const mode = process.argv[2];
if (mode === "wire") {
  try { const db = await open.openDatabase(process.env.PGSCHEMA_TEST_URL); await db.close(); } catch {}
} else if (mode === "pglite") {
  const db = await open.openPglite(); await db.query("select 1"); await db.close();
}
process.exit(0);
`;

describe("openDatabase / openPglite load drivers lazily", () => {
  let dir = "";

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "pgschema-open-"));
    await writeFile(join(dir, "hook.mjs"), NODE_HOOK);
    await writeFile(join(dir, "register.mjs"), nodeRegister(pathToFileURL(join(dir, "hook.mjs")).href));
    await writeFile(join(dir, "plugin.mjs"), BUN_PLUGIN);
    await writeFile(join(dir, "child.mjs"), CHILD);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Driver packages loaded by a child process of this runtime running `child.mjs <mode>`. */
  async function packagesLoaded(mode: "import" | "wire" | "pglite"): Promise<Set<string>> {
    const child = join(dir, "child.mjs");
    const args = onBun
      ? ["--preload", join(dir, "plugin.mjs"), child, mode]
      : ["--import", "tsx", "--import", pathToFileURL(join(dir, "register.mjs")).href, child, mode];
    const { stderr } = await run(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, PGSCHEMA_TEST_URL: SERVER_URL },
      timeout: CHILD_TIMEOUT,
    });
    return new Set([...stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1] ?? ""));
  }

  it("importing open.ts loads no driver package", { timeout: CHILD_TIMEOUT }, async () => {
    const loaded = await packagesLoaded("import");
    assert.ok(!loaded.has("postgres") && !loaded.has("@electric-sql/pglite"), [...loaded].join(", "));
  });

  it(
    onBun
      ? "openDatabase(postgres://…) on Bun uses Bun.sql: loads neither postgres.js nor PGlite"
      : "openDatabase(postgres://…) on Node loads postgres.js, not PGlite",
    { timeout: CHILD_TIMEOUT },
    async () => {
      const loaded = await packagesLoaded("wire");
      assert.equal(loaded.has("postgres"), !onBun, `loaded: ${[...loaded].join(", ") || "none"}`);
      assert.ok(!loaded.has("@electric-sql/pglite"), [...loaded].join(", "));
    },
  );

  it("openPglite() loads PGlite, not postgres.js", { timeout: CHILD_TIMEOUT }, async () => {
    const loaded = await packagesLoaded("pglite");
    assert.ok(loaded.has("@electric-sql/pglite"), `loaded: ${[...loaded].join(", ") || "none"}`);
    assert.ok(!loaded.has("postgres"), [...loaded].join(", "));
  });

  it("picks the driver of the runtime: bun-sql on Bun, postgres-js on Node", async () => {
    assert.equal(defaultWireDriver(), onBun ? "bun-sql" : "postgres-js");
  });

  it("an unparsable connection string is refused without echoing it (URL errors keep the password in `input`)", async () => {
    const error = await openDatabase("postgres://u:s3cret@bad host/x").then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error);
    assert.match(error.message, /invalid PostgreSQL connection string/);
    assert.doesNotMatch(inspect(error), /s3cret/);
  });

  it("refuses to force bun-sql outside Bun", { skip: onBun ? "running on Bun, where bun-sql is available" : undefined }, async () => {
    await assert.rejects(openDatabase(SERVER_URL, { driver: "bun-sql" }), /needs the Bun runtime/);
  });
});
