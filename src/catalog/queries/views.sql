-- Views of the inspected schemas (not extension members): the query as `pg_get_viewdef` prints it and `reloptions`
-- (check_option, security_barrier, security_invoker and any other). Columns come from `view-columns.sql`.
select c.oid,
       c.reltype as row_type,
       rt.typarray as row_type_array,
       rw.oid as return_rule,
       n.nspname as schema,
       c.relname as name,
       pg_catalog.pg_get_userbyid(c.relowner) as owner,
       pg_catalog.obj_description(c.oid, 'pg_class') as comment,
       {{acl(c.relacl, 'r', c.relowner) as acl}},
       pg_catalog.pg_get_viewdef(c.oid) as definition,
       pg_catalog.to_json(c.reloptions)::text as reloptions
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_type rt on rt.oid = c.reltype
left join pg_catalog.pg_rewrite rw on rw.ev_class = c.oid and rw.rulename = '_RETURN'
where c.relkind = 'v'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
