import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * PGlite runs initdb in WebAssembly on every start (~3 s, ~700 MB). Starting from a tarball of a freshly initialised
 * data directory takes ~1.5 s and ~500 MB (measured with `/usr/bin/time`, Node 20), so the first start writes one to
 * the user's cache folder and later starts load it. Set PGSCHEMA_CACHE_DIR to move it, PGSCHEMA_NO_CACHE=1 to skip it.
 */
export function pristineDataDirPath(): string | undefined {
  if (process.env.PGSCHEMA_NO_CACHE) return undefined;
  const base = process.env.PGSCHEMA_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pg-schema");
  return join(base, `pglite-${pgliteVersion()}-datadir.tar.gz`);
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export function readPristineDataDir(path: string): Blob | undefined {
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    return undefined;
  }
}

/** Writes atomically, so a concurrent start never reads half a tarball; failure to cache is not an error. */
export function writePristineDataDir(path: string, tarball: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, tarball);
    renameSync(temp, path);
  } catch {
    // A read-only home folder only costs start-up time.
  }
}
