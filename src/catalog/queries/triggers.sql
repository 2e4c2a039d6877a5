-- Triggers on relations in the inspected schemas. Left out: internal triggers (those implementing foreign keys and
-- deferrable uniques), clones on partitions (`tgparentid <> 0`: the parent's trigger creates them), and triggers on
-- relations that belong to an extension.
-- `constraint_oid` is the pg_constraint row of a CONSTRAINT TRIGGER, which pg_depend may name instead of the trigger.
-- `tgargs` is NUL-separated bytes; each argument is cut out and decoded in the database encoding here, so no driver
-- has to decode bytea.
select t.oid,
       k.oid as constraint_oid,
       n.nspname as schema,
       c.relname as table_name,
       t.tgname as name,
       fn.nspname as function_schema,
       f.proname as function_name,
       (select pg_catalog.json_agg(pg_catalog.convert_from(pg_catalog.substr(t.tgargs, z.first, z.stop - z.first),
                                                            pg_catalog.getdatabaseencoding()) order by z.stop)
        from (select i + 1 as stop, coalesce(pg_catalog.lag(i + 1) over (order by i), 0) + 1 as first
              from pg_catalog.generate_series(0, pg_catalog.length(t.tgargs) - 1) i
              where pg_catalog.get_byte(t.tgargs, i) = 0) z)::text as arguments,
       t.tgtype::int4 as type_bits,
       (select pg_catalog.json_agg(a.attname order by k.position)
        from pg_catalog.unnest(t.tgattr::int2[]) with ordinality k(attnum, position)
        join pg_catalog.pg_attribute a on a.attrelid = t.tgrelid and a.attnum = k.attnum)::text as update_columns,
       t.tgconstraint <> 0 as is_constraint,
       t.tgdeferrable as deferrable,
       t.tginitdeferred as initially_deferred,
       rn.nspname as referenced_schema,
       r.relname as referenced_table,
       t.tgoldtable as old_table,
       t.tgnewtable as new_table,
       t.tgenabled::text as enabled,
       pg_catalog.pg_get_triggerdef(t.oid, false) as definition,
       ds.description as comment
from pg_catalog.pg_trigger t
join pg_catalog.pg_class c on c.oid = t.tgrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description ds on ds.objoid = t.oid and ds.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
                                   and ds.objsubid = 0
join pg_catalog.pg_proc f on f.oid = t.tgfoid
join pg_catalog.pg_namespace fn on fn.oid = f.pronamespace
left join pg_catalog.pg_constraint k on k.oid = t.tgconstraint and k.contype = 't'
left join pg_catalog.pg_class r on r.oid = t.tgconstrrelid
left join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace
where n.nspname in {{schemas}}
  and not t.tgisinternal
  and t.tgparentid = 0
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
