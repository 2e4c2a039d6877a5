-- Enum types in the inspected schemas, labels in sort order.
select t.oid,
       t.typarray as array_type,
       n.nspname as schema,
       t.typname as name,
       pg_catalog.pg_get_userbyid(t.typowner) as owner,
       pg_catalog.obj_description(t.oid, 'pg_type') as comment,
       {{acl(t.typacl, 'T', t.typowner) as acl}},
       (select pg_catalog.to_json(pg_catalog.array_agg(e.enumlabel order by e.enumsortorder))
        from pg_catalog.pg_enum e where e.enumtypid = t.oid)::text as labels
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and d.objid = t.oid and d.deptype = 'e')
