-- Collations in the inspected schemas. The locale column moved: PostgreSQL 13-14 keep an ICU locale in
-- collcollate, 15-16 in colliculocale, 17+ in colllocale; to_jsonb(c) reads whichever exists on this server.
select c.oid,
       n.nspname as schema,
       c.collname as name,
       pg_catalog.pg_get_userbyid(c.collowner) as owner,
       c.collprovider as provider,
       c.collcollate as lc_collate,
       c.collctype as lc_ctype,
       coalesce(pg_catalog.to_jsonb(c) ->> 'colllocale', pg_catalog.to_jsonb(c) ->> 'colliculocale') as locale,
       c.collisdeterministic as deterministic,
       {{pg16: c.collicurules | null::text}} as rules,
       pg_catalog.obj_description(c.oid, 'pg_collation') as comment
from pg_catalog.pg_collation c
join pg_catalog.pg_namespace n on n.oid = c.collnamespace
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_collation'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
