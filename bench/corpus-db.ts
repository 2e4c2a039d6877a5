/**
 * Corpus schemas in live databases for the benches: psql as the loader (extensions, notices and all, as a user
 * would load the script), fresh databases created and dropped by name.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withDatabase } from "../src/db/connection-url.js";

/** Where the benches find the server, the corpus and our built CLI (the environment can point elsewhere). */
export const SERVER_URL = process.env.PGSCHEMA_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const CORPUS = process.env.PGSCHEMA_CORPUS ?? new URL("../../shared/corpus/", import.meta.url).pathname;
export const ROOT = new URL("../", import.meta.url).pathname;
export const CLI = `${ROOT}dist/cli/main.js`;

/** Runs psql on `url` with ON_ERROR_STOP; its output is dropped, its notices and errors go to our stderr. */
export function psql(url: string, ...args: string[]): void {
  execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, ...args], { stdio: ["ignore", "ignore", "inherit"] });
}

/** One value from psql (`-At`), trimmed. */
export function psqlValue(url: string, sql: string): string {
  return execFileSync("psql", ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], { encoding: "utf8" }).trim();
}

export function serverVersion(serverUrl: string): string {
  return psqlValue(serverUrl, "show server_version");
}

/** Drops `db` if it exists and creates it empty; returns its URL. */
export function freshDatabase(serverUrl: string, db: string): string {
  psql(serverUrl, "-c", `drop database if exists ${db}`, "-c", `create database ${db}`);
  return withDatabase(serverUrl, db);
}

/** A fresh database `db` with the corpus schema `name` loaded by psql; returns its URL and the load's wall time. */
export function loadCorpusDatabase(serverUrl: string, corpus: string, name: string, db: string): { url: string; loadSeconds: number } {
  const url = freshDatabase(serverUrl, db);
  const started = process.hrtime.bigint();
  psql(url, "-f", join(corpus, name, "schema.sql"));
  return { url, loadSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export function dropDatabase(serverUrl: string, db: string): void {
  psql(serverUrl, "-c", `drop database if exists ${db} with (force)`);
}
