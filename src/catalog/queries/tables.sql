-- Tables, partitioned tables and foreign tables of the inspected schemas (not extension members), with what the
-- relation itself carries. Columns and constraints come from `columns.sql` and `constraints.sql`.
-- Storage parameters of the TOAST table are listed with the `toast.` prefix `CREATE TABLE … WITH` takes.
select c.oid,
       c.reltype as row_type,
       rt.typarray as row_type_array,
       n.nspname as schema,
       c.relname as name,
       c.relkind::text as kind,
       pg_catalog.pg_get_userbyid(c.relowner) as owner,
       ds.description as comment,
       {{acl(c.relacl, 'r', c.relowner) as acl}},
       c.relpersistence = 'u' as unlogged,
       pt.partstrat::text as partition_strategy,
       case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then
         (select pg_catalog.json_build_array(pn.nspname, pc.relname)
          from pg_catalog.pg_inherits i
          join pg_catalog.pg_class pc on pc.oid = i.inhparent
          join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
          where i.inhrelid = c.oid)::text
       end as partition_parent,
       case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       case when not c.relispartition then
         (select pg_catalog.json_agg(pg_catalog.json_build_array(pn.nspname, pc.relname) order by i.inhseqno)
          from pg_catalog.pg_inherits i
          join pg_catalog.pg_class pc on pc.oid = i.inhparent
          join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
          where i.inhrelid = c.oid)::text
       end as inherits,
       c.relreplident::text as replica_identity,
       (select ic.relname
        from pg_catalog.pg_index x
        join pg_catalog.pg_class ic on ic.oid = x.indexrelid
        where x.indrelid = c.oid and x.indisreplident) as replica_identity_index,
       pg_catalog.to_json(c.reloptions)::text as reloptions,
       pg_catalog.to_json(tc.reloptions)::text as toast_reloptions,
       -- heap is the default for tables; a partitioned table has none unless one is given (PostgreSQL 17+).
       case when c.relkind = 'p' then am.amname::text else nullif(am.amname::text, 'heap') end as access_method,
       ts.spcname as tablespace,
       c.relrowsecurity as row_level_security,
       c.relforcerowsecurity as force_row_level_security,
       fs.srvname as foreign_server,
       pg_catalog.to_json(ft.ftoptions)::text as foreign_options,
       (select pg_catalog.json_build_array(tn.nspname, t.typname)
        from pg_catalog.pg_type t
        join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
        where t.oid = c.reloftype)::text as of_type
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description ds on ds.objoid = c.oid and ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                   and ds.objsubid = 0
left join pg_catalog.pg_type rt on rt.oid = c.reltype
left join pg_catalog.pg_partitioned_table pt on pt.partrelid = c.oid
left join pg_catalog.pg_class tc on tc.oid = c.reltoastrelid
left join pg_catalog.pg_am am on am.oid = c.relam
left join pg_catalog.pg_tablespace ts on ts.oid = c.reltablespace
left join pg_catalog.pg_foreign_table ft on ft.ftrelid = c.oid
left join pg_catalog.pg_foreign_server fs on fs.oid = ft.ftserver
where c.relkind in ('r', 'p', 'f')
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
