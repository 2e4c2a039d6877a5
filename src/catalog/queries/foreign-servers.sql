-- Foreign servers (database-wide, not extension members) that belong with the inspected schemas: those serving a
-- foreign table in them, and those serving none at all (nothing else would carry them).
select s.oid,
       s.srvname as name,
       pg_catalog.pg_get_userbyid(s.srvowner) as owner,
       pg_catalog.obj_description(s.oid, 'pg_foreign_server') as comment,
       {{acl(s.srvacl, 'S', s.srvowner) as acl}},
       w.fdwname as wrapper,
       s.srvtype as type,
       s.srvversion as version,
       pg_catalog.to_json(s.srvoptions)::text as options
from pg_catalog.pg_foreign_server s
join pg_catalog.pg_foreign_data_wrapper w on w.oid = s.srvfdw
where not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass and d.objid = s.oid
                    and d.deptype = 'e')
  and (exists (select 1
               from pg_catalog.pg_foreign_table ft
               join pg_catalog.pg_class r on r.oid = ft.ftrelid
               join pg_catalog.pg_namespace n on n.oid = r.relnamespace
               where ft.ftserver = s.oid and n.nspname in {{schemas}})
       or not exists (select 1 from pg_catalog.pg_foreign_table ft where ft.ftserver = s.oid))
