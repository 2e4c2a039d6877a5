-- Sequences of the inspected schemas (not extension members). Identity sequences are left out: they belong to
-- their column (`columns.sql`). `owned_by` is the column an `OWNED BY` ties the sequence to.
select c.oid,
       c.reltype as row_type,
       rt.typarray as row_type_array,
       n.nspname as schema,
       c.relname as name,
       pg_catalog.pg_get_userbyid(c.relowner) as owner,
       ds.description as comment,
       {{acl(c.relacl, 's', c.relowner) as acl}},
       pg_catalog.format_type(s.seqtypid, null) as data_type,
       s.seqstart::text as start,
       s.seqincrement::text as increment,
       s.seqmin::text as min,
       s.seqmax::text as max,
       s.seqcache::text as cache,
       s.seqcycle as cycle,
       c.relpersistence = 'u' as unlogged,
       (select pg_catalog.json_build_array(tn.nspname, tc.relname, ta.attname)
        from pg_catalog.pg_depend d
        join pg_catalog.pg_class tc on tc.oid = d.refobjid
        join pg_catalog.pg_namespace tn on tn.oid = tc.relnamespace
        join pg_catalog.pg_attribute ta on ta.attrelid = d.refobjid and ta.attnum = d.refobjsubid
        where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid
          and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refobjsubid > 0
          and d.deptype = 'a')::text as owned_by
from pg_catalog.pg_sequence s
join pg_catalog.pg_class c on c.oid = s.seqrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description ds on ds.objoid = c.oid and ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                   and ds.objsubid = 0
left join pg_catalog.pg_type rt on rt.oid = c.reltype
where c.relkind = 'S'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid
                    and d.deptype in ('e', 'i'))
