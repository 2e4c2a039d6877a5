import { introspect } from "../../src/catalog/introspect.js";
import { canonicalJson, schemaContent } from "../../src/catalog/canonical.js";
import { openPglite, type PgliteDatabase } from "../../src/db/pglite.js";

/**
 * PGlite takes seconds and hundreds of MB to start, so a test file keeps one instance and wipes it between cases.
 * The wipe is checked: the catalog must read back exactly as a new instance's did, or the instance is replaced.
 */
const ALL_EXTENSIONS = [
  "btree_gin", "btree_gist", "citext", "cube", "earthdistance", "file_fdw", "fuzzystrmatch", "hstore", "intarray",
  "isn", "ltree", "pg_trgm", "pgcrypto", "seg", "tablefunc", "unaccent", "uuid-ossp",
];

const WIPE = `
reset all;
do $wipe$
declare r record;
begin
  for r in select evtname from pg_event_trigger loop execute format('drop event trigger %I', r.evtname); end loop;
  for r in select oid::regprocedure::text as f from pg_proc where oid >= 16384 and pronamespace = 'pg_catalog'::regnamespace
           and not exists (select 1 from pg_depend d where d.objid = pg_proc.oid and d.deptype = 'e') loop
    execute 'drop routine ' || r.f || ' cascade'; end loop;
  for r in select format('(%s as %s)', castsource::regtype, casttarget::regtype) as c from pg_cast where oid >= 16384
           and not exists (select 1 from pg_depend d where d.objid = pg_cast.oid and d.deptype = 'e') loop
    execute 'drop cast ' || r.c || ' cascade'; end loop;
  for r in select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
           and nspname !~ '^pg_(temp|toast_temp)_' loop execute format('drop schema %I cascade', r.nspname); end loop;
  for r in select extname from pg_extension where extname <> 'plpgsql' loop execute format('drop extension %I cascade', r.extname); end loop;
  for r in select srvname from pg_foreign_server loop execute format('drop server %I cascade', r.srvname); end loop;
  for r in select fdwname from pg_foreign_data_wrapper loop execute format('drop foreign data wrapper %I cascade', r.fdwname); end loop;
  for r in select rolname from pg_roles where oid >= 16384 loop execute format('drop owned by %I cascade', r.rolname); execute format('drop role %I', r.rolname); end loop;
  delete from pg_default_acl;
end $wipe$;
create schema public authorization pg_database_owner;
grant usage on schema public to public;
comment on schema public is 'standard public schema';
`;

export class PgliteScratch {
  #db: PgliteDatabase | undefined;
  #pristine: string | undefined;

  /** A clean instance: every extension the corpus uses is available. */
  async acquire(): Promise<PgliteDatabase> {
    if (this.#db) {
      try {
        await this.#db.exec(WIPE);
        if ((await this.#fingerprint(this.#db)) === this.#pristine) return this.#db;
      } catch {
        // fall through to a new instance
      }
      await this.#db.close();
    }
    this.#db = await openPglite({ extensions: ALL_EXTENSIONS });
    this.#pristine ??= await this.#fingerprint(this.#db);
    return this.#db;
  }

  async #fingerprint(db: PgliteDatabase): Promise<string> {
    return canonicalJson(schemaContent(await introspect(db)));
  }

  async close(): Promise<void> {
    await this.#db?.close();
    this.#db = undefined;
  }
}
