-- Extensions (not plpgsql, which every database has). An extension is read when
--   * its schema is inspected, or is pg_catalog (always present: such an extension is database-wide), or
--   * an object in an inspected schema, or a database-wide object (foreign server, cast, event trigger), uses one
--     of its members (a column of its type, a default calling its function, an index with its operator class), or
--   * an extension read requires it (`earthdistance` requires `cube`).
-- The comment is returned only when it differs from the control file's, which CREATE EXTENSION sets by itself.
with recursive member as (
  select m.refobjid as extension, m.classid, m.objid
  from pg_catalog.pg_depend m
  where m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass and m.deptype = 'e'
  union all
  -- A member type's implicit array type is not a member itself; a column of that array type uses the extension.
  select m.refobjid, m.classid, t.typarray
  from pg_catalog.pg_depend m
  join pg_catalog.pg_type t on t.oid = m.objid
  where m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass and m.deptype = 'e'
    and m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and t.typarray <> 0
),
used_by as (
  select distinct mb.extension, u.classid, u.objid
  from member mb
  join pg_catalog.pg_depend u on u.refclassid = mb.classid and u.refobjid = mb.objid
  where u.deptype in ('n', 'a')
    and not exists (select 1 from pg_catalog.pg_depend e
                    where e.classid = u.classid and e.objid = u.objid and e.deptype = 'e')
),
used_from as (
  select ub.extension,
         ub.classid in ('pg_catalog.pg_foreign_server'::pg_catalog.regclass, 'pg_catalog.pg_cast'::pg_catalog.regclass,
                        'pg_catalog.pg_event_trigger'::pg_catalog.regclass) as database_wide,
         case ub.classid
           when 'pg_catalog.pg_class'::pg_catalog.regclass then
             (select c.relnamespace from pg_catalog.pg_class c where c.oid = ub.objid)
           when 'pg_catalog.pg_attrdef'::pg_catalog.regclass then
             (select c.relnamespace from pg_catalog.pg_attrdef a join pg_catalog.pg_class c on c.oid = a.adrelid where a.oid = ub.objid)
           when 'pg_catalog.pg_rewrite'::pg_catalog.regclass then
             (select c.relnamespace from pg_catalog.pg_rewrite r join pg_catalog.pg_class c on c.oid = r.ev_class where r.oid = ub.objid)
           when 'pg_catalog.pg_trigger'::pg_catalog.regclass then
             (select c.relnamespace from pg_catalog.pg_trigger t join pg_catalog.pg_class c on c.oid = t.tgrelid where t.oid = ub.objid)
           when 'pg_catalog.pg_policy'::pg_catalog.regclass then
             (select c.relnamespace from pg_catalog.pg_policy p join pg_catalog.pg_class c on c.oid = p.polrelid where p.oid = ub.objid)
           when 'pg_catalog.pg_constraint'::pg_catalog.regclass then
             (select k.connamespace from pg_catalog.pg_constraint k where k.oid = ub.objid)
           when 'pg_catalog.pg_proc'::pg_catalog.regclass then
             (select p.pronamespace from pg_catalog.pg_proc p where p.oid = ub.objid)
           when 'pg_catalog.pg_type'::pg_catalog.regclass then
             (select t.typnamespace from pg_catalog.pg_type t where t.oid = ub.objid)
           when 'pg_catalog.pg_collation'::pg_catalog.regclass then
             (select c.collnamespace from pg_catalog.pg_collation c where c.oid = ub.objid)
           when 'pg_catalog.pg_ts_config'::pg_catalog.regclass then
             (select c.cfgnamespace from pg_catalog.pg_ts_config c where c.oid = ub.objid)
           when 'pg_catalog.pg_ts_dict'::pg_catalog.regclass then
             (select d.dictnamespace from pg_catalog.pg_ts_dict d where d.oid = ub.objid)
         end as namespace
  from used_by ub
),
included(oid) as (
  select x.oid
  from pg_catalog.pg_extension x
  join pg_catalog.pg_namespace n on n.oid = x.extnamespace
  where n.nspname in {{schemas}} or n.nspname = 'pg_catalog'
  union
  select uf.extension
  from used_from uf
  left join pg_catalog.pg_namespace n on n.oid = uf.namespace
  where uf.database_wide or n.nspname in {{schemas}}
  union
  select r.refobjid
  from included i
  join pg_catalog.pg_depend r on r.classid = 'pg_catalog.pg_extension'::pg_catalog.regclass and r.objid = i.oid
                              and r.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
)
select x.oid,
       x.extname as name,
       n.nspname as schema,
       x.extversion as version,
       pg_catalog.obj_description(x.oid, 'pg_extension') as comment,
       (select v.comment from pg_catalog.pg_available_extension_versions v
        where v.name = x.extname and v.version = x.extversion) as control_comment
from pg_catalog.pg_extension x
join pg_catalog.pg_namespace n on n.oid = x.extnamespace
where x.oid in (select oid from included)
  and x.extname <> 'plpgsql'
