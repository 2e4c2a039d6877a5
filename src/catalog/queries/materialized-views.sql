-- Materialized views of the inspected schemas (not extension members). Storage parameters of the TOAST table are
-- listed with the `toast.` prefix `WITH` takes. Columns come from `view-columns.sql`.
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
       c.relispopulated as populated,
       pg_catalog.to_json(c.reloptions)::text as reloptions,
       pg_catalog.to_json(tc.reloptions)::text as toast_reloptions,
       nullif(am.amname::text, 'heap') as access_method,
       ts.spcname as tablespace
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_type rt on rt.oid = c.reltype
left join pg_catalog.pg_rewrite rw on rw.ev_class = c.oid and rw.rulename = '_RETURN'
left join pg_catalog.pg_class tc on tc.oid = c.reltoastrelid
left join pg_catalog.pg_am am on am.oid = c.relam
left join pg_catalog.pg_tablespace ts on ts.oid = c.reltablespace
where c.relkind = 'm'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
