-- Rewrite rules on relations in the inspected schemas, without the `_RETURN` rules that implement views and
-- materialized views, and without rules on relations an extension created.
select r.oid,
       n.nspname as schema,
       c.relname as table_name,
       r.rulename as name,
       r.ev_type::text as event,
       r.is_instead as instead,
       r.ev_enabled::text as enabled,
       pg_catalog.pg_get_ruledef(r.oid, false) as definition,
       pg_catalog.obj_description(r.oid, 'pg_rewrite') as comment
from pg_catalog.pg_rewrite r
join pg_catalog.pg_class c on c.oid = r.ev_class
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname in {{schemas}}
  and r.rulename <> '_RETURN'
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
