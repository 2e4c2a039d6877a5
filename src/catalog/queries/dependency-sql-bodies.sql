-- LANGUAGE sql routines in the inspected schemas whose body is a string: PostgreSQL records nothing of what such a
-- body uses (it does for SQL-standard `BEGIN ATOMIC` / `RETURN` bodies, PostgreSQL 14+), yet with
-- check_function_bodies on, CREATE FUNCTION fails when a table the body reads does not exist yet.
-- `oid` finds the routine as read/routines.ts registered it.
select p.oid,
       p.prosrc as body,
       pg_catalog.to_json(p.proconfig)::text as config
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
join pg_catalog.pg_language l on l.oid = p.prolang
where n.nspname in {{schemas}}
  and l.lanname = 'sql'
  and {{pg14: p.prosqlbody is null | true}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid and d.deptype = 'e')
