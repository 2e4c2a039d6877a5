// The CLI's bin as one ESM bundle (esbuild): a single file to load instead of ~300 small ESM modules (resolving and
// compiling them was ~0.25 s of every `pg-schema lint`). Runs after tsc, which still writes dist/ for the library and
// its types; this replaces dist/cli/main.js only. Packages stay external (node_modules); code splitting keeps what
// the commands import lazily (a command, database drivers, PGlite, the config reader) in chunks loaded on use.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "dist/cli");

/**
 * Files read at run time relative to their module's `import.meta.url`: copied beside each output file that holds
 * that module (in a bundle, `import.meta.url` is the chunk's URL).
 */
const ASSETS = [{ module: "src/catalog/sql-template.ts", dir: "src/catalog/queries", as: "queries" }];

rmSync(join(outdir, "chunks"), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

for (const asset of ASSETS) {
  const holders = Object.entries(result.metafile.outputs).filter(([, o]) => asset.module in o.inputs).map(([file]) => file);
  if (holders.length === 0) throw new Error(`build-cli: ${asset.module} is in no output file`);
  for (const file of holders) cpSync(join(root, asset.dir), join(root, dirname(file), asset.as), { recursive: true });
}

// The bin is run by its shebang (`npx pg-schema`): esbuild, like tsc, writes it without the execute bits.
chmodSync(join(outdir, "main.js"), 0o755);
// A bundle that does not load fails here rather than at the user's.
execFileSync(join(outdir, "main.js"), ["--version"], { stdio: "ignore" });
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
console.log(`build-cli: ${relative(root, outdir)}/main.js and ${outputs.length - 1} chunks`);
