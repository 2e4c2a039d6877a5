-- Domains in the inspected schemas. The collation is reported only when it differs from the base type's.
-- From PostgreSQL 17 the NOT NULL of a domain is a named constraint (contype 'n'); CHECK constraints are 'c'.
select t.oid,
       t.typarray as array_type,
       n.nspname as schema,
       t.typname as name,
       pg_catalog.pg_get_userbyid(t.typowner) as owner,
       pg_catalog.obj_description(t.oid, 'pg_type') as comment,
       {{acl(t.typacl, 'T', t.typowner) as acl}},
       pg_catalog.format_type(t.typbasetype, t.typtypmod) as base_type,
       case when t.typcollation <> 0 and t.typcollation <> bt.typcollation
            then (select pg_catalog.json_build_array(cn.nspname, co.collname)::text
                  from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                  where co.oid = t.typcollation)
       end as collation,
       pg_catalog.pg_get_expr(t.typdefaultbin, 0) as default_value,
       t.typnotnull as not_null,
       (select pg_catalog.json_build_object('oid', c.oid, 'name', c.conname,
                                            'comment', pg_catalog.obj_description(c.oid, 'pg_constraint'))::text
        from pg_catalog.pg_constraint c where c.contypid = t.oid and c.contype = 'n') as not_null_constraint,
       (select pg_catalog.json_agg(pg_catalog.json_build_object(
                 'oid', c.oid,
                 'name', c.conname,
                 'definition', pg_catalog.pg_get_constraintdef(c.oid),
                 'validated', c.convalidated,
                 'comment', pg_catalog.obj_description(c.oid, 'pg_constraint')) order by c.conname)
        from pg_catalog.pg_constraint c where c.contypid = t.oid and c.contype = 'c')::text as constraints
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
join pg_catalog.pg_type bt on bt.oid = t.typbasetype
where t.typtype = 'd'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and d.objid = t.oid and d.deptype = 'e')
