-- Every schema a user can own: not the system ones, not temporary ones, not one an extension created.
select n.nspname as name
from pg_catalog.pg_namespace n
where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
  and n.nspname !~ '^pg_temp_' and n.nspname !~ '^pg_toast_temp_'
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass and d.objid = n.oid and d.deptype = 'e')
order by 1
