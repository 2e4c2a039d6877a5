-- Columns of the views and materialized views of the inspected schemas, by position. A view column can carry a
-- default (`ALTER VIEW … ALTER COLUMN … SET DEFAULT`), a comment and privileges.
select c.oid as relation_oid,
       a.attnum,
       ad.oid as default_oid,
       n.nspname as schema,
       c.relname as relation_name,
       c.relkind::text as relation_kind,
       a.attname as name,
       pg_catalog.pg_get_userbyid(c.relowner) as owner,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as default_expression,
       ds.description as comment,
       {{acl(a.attacl, 'r', c.relowner) as acl}}
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_catalog.pg_description ds on ds.objoid = a.attrelid and ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                   and ds.objsubid = a.attnum
where c.relkind in ('v', 'm')
  and a.attnum > 0
  and not a.attisdropped
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
order by n.nspname, c.relname, a.attnum
