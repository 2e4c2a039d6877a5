-- Stand-alone composite types (CREATE TYPE … AS (…)) in the inspected schemas; a table's row type is the table's.
-- Extension membership may be recorded on the type or on its pg_class row.
select t.oid,
       t.typarray as array_type,
       r.oid as relation_oid,
       n.nspname as schema,
       t.typname as name,
       pg_catalog.pg_get_userbyid(t.typowner) as owner,
       pg_catalog.obj_description(t.oid, 'pg_type') as comment,
       {{acl(t.typacl, 'T', t.typowner) as acl}},
       (select pg_catalog.json_agg(pg_catalog.json_build_object(
                 'name', a.attname,
                 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                 'collation', case when a.attcollation <> 0 and a.attcollation <> at.typcollation
                                   then (select pg_catalog.json_build_array(cn.nspname, co.collname)
                                         from pg_catalog.pg_collation co
                                         join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                                         where co.oid = a.attcollation) end,
                 'comment', pg_catalog.col_description(t.typrelid, a.attnum)) order by a.attnum)
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_type at on at.oid = a.atttypid
        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)::text as attributes
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
join pg_catalog.pg_class r on r.oid = t.typrelid
where t.typtype = 'c'
  and r.relkind = 'c'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where ((d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and d.objid = t.oid)
                         or (d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = r.oid))
                    and d.deptype = 'e')
