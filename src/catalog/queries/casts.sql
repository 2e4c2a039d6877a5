-- User-defined casts (not built in, not extension members, not made by CREATE TYPE … AS RANGE for its multirange:
-- those depend internally on it) that touch the inspected schemas: their source type,
-- target type or function lives in one (array types count by their element type). A cast among pg_catalog types
-- alone belongs to no schema, so it comes with any.
select c.oid,
       pg_catalog.format_type(c.castsource, null) as source,
       pg_catalog.format_type(c.casttarget, null) as target,
       c.castmethod as method,
       c.castcontext as context,
       (select pg_catalog.json_build_array(pn.nspname, p.proname,
                 (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
                  from pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) with ordinality a(t, i)))::text
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
        where p.oid = c.castfunc) as function,
       pg_catalog.obj_description(c.oid, 'pg_cast') as comment
from pg_catalog.pg_cast c
where c.oid >= 16384
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass and d.objid = c.oid
                    and d.deptype in ('e', 'i'))
  and exists (select 1
              from pg_catalog.pg_type t
              join pg_catalog.pg_namespace n
                on n.oid = (select e.typnamespace from pg_catalog.pg_type e
                            where e.oid = case when t.typelem <> 0 and t.typlen = -1 then t.typelem else t.oid end)
              where t.oid in (c.castsource, c.casttarget) and n.nspname in {{schemas}}
              union all
              select 1
              from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
              where p.oid = c.castfunc and n.nspname in {{schemas}}
              union all
              select 1
              where (select pg_catalog.bool_and(t.typnamespace = 'pg_catalog'::pg_catalog.regnamespace)
                     from pg_catalog.pg_type t where t.oid in (c.castsource, c.casttarget))
                and (c.castfunc = 0 or (select p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace
                                        from pg_catalog.pg_proc p where p.oid = c.castfunc)))
