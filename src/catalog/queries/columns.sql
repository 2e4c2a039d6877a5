-- Live columns of the tables, partitioned tables and foreign tables of the inspected schemas, by position.
-- `identity_sequence` is the column's own identity sequence (a partition's identity, PostgreSQL 17+, uses its
-- parent's and has none). `not_null_constraint` is the PostgreSQL 18 NOT NULL constraint, with the name of the
-- parent's constraint of the same column (the name a column gets from `PARTITION OF` or `INHERITS`).
select c.oid as table_oid,
       a.attnum,
       ad.oid as default_oid,
       n.nspname as schema,
       c.relname as table_name,
       a.attname as name,
       pg_catalog.pg_get_userbyid(c.relowner) as owner,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
       case when a.attcollation <> t.typcollation then
         (select pg_catalog.json_build_array(cn.nspname, co.collname)
          from pg_catalog.pg_collation co
          join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
          where co.oid = a.attcollation)::text
       end as collation,
       a.attnotnull as not_null,
       a.attgenerated::text as generated,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as default_expression,
       a.attidentity::text as identity,
       -- Only an identity column has an identity sequence: the lookups are skipped for the others.
       case when a.attidentity <> '' then
       (select pg_catalog.json_build_object(
                 'name', s.relname, 'dataType', pg_catalog.format_type(sq.seqtypid, null),
                 'start', sq.seqstart::text, 'increment', sq.seqincrement::text, 'min', sq.seqmin::text,
                 'max', sq.seqmax::text, 'cache', sq.seqcache::text, 'cycle', sq.seqcycle)
        from pg_catalog.pg_depend d
        join pg_catalog.pg_class s on s.oid = d.objid
        join pg_catalog.pg_sequence sq on sq.seqrelid = s.oid
        where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
          and d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype = 'i')::text end as identity_sequence,
       {{acl(case when a.attidentity <> '' then
              (select s.relacl
               from pg_catalog.pg_depend d
               join pg_catalog.pg_class s on s.oid = d.objid
               where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 and d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype = 'i') end, 's', c.relowner) as identity_acl}},
       a.attstorage::text as storage,
       t.typstorage::text as type_storage,
       {{pg14: a.attcompression::text | ''}} as compression,
       {{pg17: a.attstattarget | nullif(a.attstattarget, -1)}} as statistics,
       -- Options named `pg_*` are bookkeeping some server builds keep per column (`pg_attver`), which pg_dump leaves
       -- out too: no user sets them, and their values differ in every database.
       (select pg_catalog.to_json(pg_catalog.array_agg(o))
        from pg_catalog.unnest(a.attoptions) o
        where o !~ '^pg_')::text as options,
       pg_catalog.to_json(a.attfdwoptions)::text as fdw_options,
       ds.description as comment,
       {{acl(a.attacl, 'r', c.relowner) as acl}},
       a.attislocal as local,
       not a.attislocal and not c.relispartition as inherited,
       {{pg18: nn.oid | null::pg_catalog.oid}} as not_null_oid,
       -- `parentName` matters only for a column the table does not declare itself (read/table-columns.ts).
       {{pg18: case when nn.oid is not null then pg_catalog.json_build_object(
                 'name', nn.conname, 'noInherit', nn.connoinherit, 'validated', nn.convalidated,
                 'comment', nnd.description,
                 'parentName', case when not a.attislocal then
                               (select pk.conname
                                from pg_catalog.pg_inherits i
                                join pg_catalog.pg_attribute pa on pa.attrelid = i.inhparent and pa.attname = a.attname
                                join pg_catalog.pg_constraint pk on pk.conrelid = i.inhparent and pk.contype = 'n'
                                                                 and pk.conkey[1] = pa.attnum
                                where i.inhrelid = c.oid
                                order by i.inhseqno
                                limit 1) end)::text end | null::text}} as not_null_constraint
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type t on t.oid = a.atttypid
left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_catalog.pg_description ds on ds.objoid = a.attrelid and ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                      and ds.objsubid = a.attnum
{{pg18: left join pg_catalog.pg_constraint nn on nn.conrelid = a.attrelid and nn.contype = 'n' and nn.conkey[1] = a.attnum
left join pg_catalog.pg_description nnd on nnd.objoid = nn.oid and nnd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
                                       and nnd.objsubid = 0 | }}
where c.relkind in ('r', 'p', 'f')
  and a.attnum > 0
  and not a.attisdropped
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
-- The reader needs each table's columns in order; which table comes first does not matter.
order by a.attrelid, a.attnum
