-- Row-level security policies on tables in the inspected schemas (not on tables an extension created).
-- `polroles = {0}` is PUBLIC; the expressions are printed against the policy's table.
select p.oid,
       n.nspname as schema,
       c.relname as table_name,
       p.polname as name,
       p.polcmd::text as command,
       p.polpermissive as permissive,
       (select pg_catalog.json_agg(case when r.role = 0 then 'PUBLIC' else pg_catalog.pg_get_userbyid(r.role) end)
        from pg_catalog.unnest(p.polroles) r(role))::text as roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) as using_expression,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as with_check,
       pg_catalog.obj_description(p.oid, 'pg_policy') as comment
from pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
