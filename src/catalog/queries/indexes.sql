-- Indexes on the tables, partitioned tables and materialized views of the inspected schemas (not extension
-- members), constraint-backed ones included. Per key: the column or expression text as `pg_get_indexdef` prints it,
-- its operator class, opclass options, collation and ordering; `read/index-keys.ts` keeps the operator class and
-- collation only where `pg_get_indexdef` prints them, i.e. where they are not what PostgreSQL picks by default.
-- A column key's text is `quote_ident` of its name, which is what `pg_get_indexdef(oid, n, false)` prints for it:
-- only expression keys need that call, and it costs as much as the whole definition.
select ic.oid,
       n.nspname as schema,
       ic.relname as name,
       tc.relname as table_name,
       tc.relkind::text as table_kind,
       am.amname as method,
       x.indisunique as is_unique,
       {{pg15: x.indnullsnotdistinct | false}} as nulls_not_distinct,
       (select pg_catalog.json_agg(pg_catalog.json_build_object(
                 'column', ta.attname,
                 'text', case when k.attnum <> 0 then pg_catalog.quote_ident(ta.attname)
                              else pg_catalog.pg_get_indexdef(x.indexrelid, k.ord, false) end,
                 'opclass', pg_catalog.json_build_array(ocn.nspname, opc.opcname),
                 'opclassOptions', ia.attoptions,
                 'collation', (select pg_catalog.json_build_array(cn.nspname, co.collname)
                               from pg_catalog.pg_collation co
                               join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                               where co.oid = x.indcollation[k.ord - 1]),
                 'descending', (x.indoption[k.ord - 1] & 1) <> 0,
                 'nullsFirst', (x.indoption[k.ord - 1] & 2) <> 0,
                 'statistics', {{pg17: ia.attstattarget | nullif(ia.attstattarget, -1)}})
               order by k.ord)
        from (select u.attnum, u.ord::int4 as ord
              from pg_catalog.unnest(x.indkey::pg_catalog.int2[]) with ordinality u(attnum, ord)) k
        join pg_catalog.pg_attribute ia on ia.attrelid = x.indexrelid and ia.attnum = k.ord
        left join pg_catalog.pg_attribute ta on ta.attrelid = x.indrelid and ta.attnum = k.attnum and k.attnum > 0
        join pg_catalog.pg_opclass opc on opc.oid = x.indclass[k.ord - 1]
        join pg_catalog.pg_namespace ocn on ocn.oid = opc.opcnamespace
        where k.ord <= x.indnkeyatts)::text as keys,
       (select pg_catalog.json_agg(a.attname order by k.ord)
        from pg_catalog.unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
        join pg_catalog.pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
        where k.ord > x.indnkeyatts)::text as include,
       pg_catalog.pg_get_expr(x.indpred, x.indrelid) as predicate,
       pg_catalog.to_json(ic.reloptions)::text as reloptions,
       k.conname as constraint_name,
       (select pg_catalog.json_build_array(pn.nspname, pc.relname)
        from pg_catalog.pg_inherits i
        join pg_catalog.pg_class pc on pc.oid = i.inhparent
        join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
        where i.inhrelid = ic.oid)::text as partition_of,
       x.indisclustered as clustered,
       x.indisvalid as valid,
       ts.spcname as tablespace,
       pg_catalog.pg_get_indexdef(x.indexrelid) as definition,
       ds.description as comment
from pg_catalog.pg_index x
join pg_catalog.pg_class ic on ic.oid = x.indexrelid
join pg_catalog.pg_class tc on tc.oid = x.indrelid
join pg_catalog.pg_namespace n on n.oid = ic.relnamespace
join pg_catalog.pg_am am on am.oid = ic.relam
left join pg_catalog.pg_tablespace ts on ts.oid = ic.reltablespace
left join pg_catalog.pg_constraint k on k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x')
left join pg_catalog.pg_description ds on ds.objoid = ic.oid and ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                      and ds.objsubid = 0
where tc.relkind in ('r', 'p', 'm')
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid in (ic.oid, tc.oid)
                    and d.deptype = 'e')
