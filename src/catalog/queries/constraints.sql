-- PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints declared on the tables of the inspected schemas.
-- Left out: copies a table only inherits (`conislocal` false: CHECKs from an inheritance parent, every constraint a
-- partition gets from its parent, `conparentid` set) since the parent's constraint recreates them, and NOT NULL
-- (PostgreSQL 18), which `columns.sql` folds into its column.
-- Column lists look each name up by (relation, number): an index probe per key column, where joining the relation's
-- columns to the unnested numbers would hash all of them for every constraint.
select k.oid,
       n.nspname as schema,
       c.relname as table_name,
       k.conname as name,
       k.contype::text as type,
       pg_catalog.pg_get_constraintdef(k.oid) as definition,
       k.condeferrable as deferrable,
       k.condeferred as initially_deferred,
       k.convalidated as validated,
       {{pg18: k.conenforced | true}} as enforced,
       k.connoinherit as no_inherit,
       ds.description as comment,
       (select pg_catalog.json_agg((select a.attname from pg_catalog.pg_attribute a
                                    where a.attrelid = k.conrelid and a.attnum = u.attnum) order by u.ord)
        from pg_catalog.unnest(k.conkey) with ordinality u(attnum, ord))::text as columns,
       case when k.contype = 'c' then pg_catalog.pg_get_expr(k.conbin, k.conrelid) end as expression,
       case when k.contype in ('p', 'u', 'x') then ic.relname end as index_name,
       case when k.contype in ('p', 'u') then
         (select pg_catalog.json_agg((select a.attname from pg_catalog.pg_attribute a
                                      where a.attrelid = x.indrelid and a.attnum = u.attnum) order by u.ord)
          from pg_catalog.unnest(x.indkey::pg_catalog.int2[]) with ordinality u(attnum, ord)
          where u.ord > x.indnkeyatts)::text
       end as include,
       case when k.contype in ('p', 'u') then {{pg15: x.indnullsnotdistinct | false}} end as nulls_not_distinct,
       case when k.contype = 'f' then pg_catalog.json_build_array(rn.nspname, rc.relname)::text end as referenced_table,
       case when k.confkey is not null then
         (select pg_catalog.json_agg((select a.attname from pg_catalog.pg_attribute a
                                      where a.attrelid = k.confrelid and a.attnum = u.attnum) order by u.ord)
          from pg_catalog.unnest(k.confkey) with ordinality u(attnum, ord))::text
       end as referenced_columns,
       k.confmatchtype::text as match_type,
       k.confupdtype::text as on_update,
       k.confdeltype::text as on_delete,
       {{pg15: case when k.confdelsetcols is not null then
                (select pg_catalog.json_agg((select a.attname from pg_catalog.pg_attribute a
                                             where a.attrelid = k.conrelid and a.attnum = u.attnum) order by u.ord)
                 from pg_catalog.unnest(k.confdelsetcols) with ordinality u(attnum, ord))::text
              end | null::text}}
         as on_delete_columns
from pg_catalog.pg_constraint k
join pg_catalog.pg_class c on c.oid = k.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description ds on ds.objoid = k.oid and ds.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
                                      and ds.objsubid = 0
left join pg_catalog.pg_class ic on ic.oid = k.conindid
left join pg_catalog.pg_index x on x.indexrelid = k.conindid
left join pg_catalog.pg_class rc on rc.oid = k.confrelid
left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
where k.contype in ('p', 'u', 'c', 'f', 'x')
  and k.conislocal
  and k.conparentid = 0
  and c.relkind in ('r', 'p', 'f')
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
