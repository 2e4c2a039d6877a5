-- Objects the catalog model has no place for, so that they are reported instead of silently dropped: those in the
-- inspected schemas, and database-wide ones a schema script relies on. Extension members are the extension's own.
with candidate(classid, objid, objsubid) as (
  select 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 0
  from pg_catalog.pg_operator o join pg_catalog.pg_namespace n on n.oid = o.oprnamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_opclass'::pg_catalog.regclass, o.oid, 0
  from pg_catalog.pg_opclass o join pg_catalog.pg_namespace n on n.oid = o.opcnamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.oid, 0
  from pg_catalog.pg_opfamily o join pg_catalog.pg_namespace n on n.oid = o.opfnamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, s.oid, 0
  from pg_catalog.pg_statistic_ext s join pg_catalog.pg_namespace n on n.oid = s.stxnamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_conversion'::pg_catalog.regclass, c.oid, 0
  from pg_catalog.pg_conversion c join pg_catalog.pg_namespace n on n.oid = c.connamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, p.oid, 0
  from pg_catalog.pg_ts_parser p join pg_catalog.pg_namespace n on n.oid = p.prsnamespace
  where n.nspname in {{schemas}}
  union all
  select 'pg_catalog.pg_ts_template'::pg_catalog.regclass, t.oid, 0
  from pg_catalog.pg_ts_template t join pg_catalog.pg_namespace n on n.oid = t.tmplnamespace
  where n.nspname in {{schemas}}
  union all
  -- Base types (with their own I/O functions) and shell types; the array type of any type is part of that type.
  select 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0
  from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
  where n.nspname in {{schemas}}
    and t.typtype in ('b', 'p')
    and not exists (select 1 from pg_catalog.pg_type e where e.typarray = t.oid)
  union all
  -- Relation kinds newer than this model (every kind PostgreSQL 13-18 has is modelled, TOAST tables are internal).
  select 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 0
  from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname in {{schemas}}
    and c.relkind not in ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I', 'c', 't')
  union all
  -- A trigger on a partition is a clone of its parent's and not modelled; its enabled state can still differ.
  select 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid, 0
  from pg_catalog.pg_trigger t
  join pg_catalog.pg_trigger parent on parent.oid = t.tgparentid
  join pg_catalog.pg_class c on c.oid = t.tgrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname in {{schemas}} and t.tgenabled <> parent.tgenabled
  union all
  select 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, w.oid, 0
  from pg_catalog.pg_foreign_data_wrapper w
  union all
  select 'pg_catalog.pg_user_mapping'::pg_catalog.regclass, u.oid, 0
  from pg_catalog.pg_user_mapping u
  where not exists (select 1 from pg_catalog.pg_depend d
                    where d.classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass and d.objid = u.umserver
                      and d.deptype = 'e')
  union all
  select 'pg_catalog.pg_publication'::pg_catalog.regclass, p.oid, 0
  from pg_catalog.pg_publication p
  where p.puballtables
     or exists (select 1 from pg_catalog.pg_publication_rel r
                join pg_catalog.pg_class c on c.oid = r.prrelid
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where r.prpubid = p.oid and n.nspname in {{schemas}})
     {{pg15: or exists (select 1 from pg_catalog.pg_publication_namespace s
                join pg_catalog.pg_namespace n on n.oid = s.pnnspid
                where s.pnpubid = p.oid and n.nspname in {{schemas}}) | }}
  union all
  select 'pg_catalog.pg_publication_rel'::pg_catalog.regclass, r.oid, 0
  from pg_catalog.pg_publication_rel r
  join pg_catalog.pg_class c on c.oid = r.prrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname in {{schemas}}
  {{pg15: union all
  select 'pg_catalog.pg_publication_namespace'::pg_catalog.regclass, s.oid, 0
  from pg_catalog.pg_publication_namespace s
  join pg_catalog.pg_namespace n on n.oid = s.pnnspid
  where n.nspname in {{schemas}} | }}
  union all
  select 'pg_catalog.pg_subscription'::pg_catalog.regclass, s.oid, 0
  from pg_catalog.pg_subscription s
  where s.subdbid = (select d.oid from pg_catalog.pg_database d where d.datname = pg_catalog.current_database())
  union all
  select 'pg_catalog.pg_transform'::pg_catalog.regclass, t.oid, 0
  from pg_catalog.pg_transform t
  union all
  -- FirstNormalObjectId: languages and access methods below it come with PostgreSQL.
  select 'pg_catalog.pg_language'::pg_catalog.regclass, l.oid, 0
  from pg_catalog.pg_language l
  where l.oid >= 16384
  union all
  select 'pg_catalog.pg_am'::pg_catalog.regclass, a.oid, 0
  from pg_catalog.pg_am a
  where a.oid >= 16384
),
reported as (
  select o.type as kind, o.identity, o.schema
  from candidate c
  cross join lateral pg_catalog.pg_identify_object(c.classid, c.objid, c.objsubid) o
  where not exists (select 1 from pg_catalog.pg_depend d
                    where d.classid = c.classid and d.objid = c.objid and d.deptype = 'e')
  union all
  -- `ALTER … DEPENDS ON EXTENSION` marks (dropped with the extension): a property the model does not keep.
  select 'extension dependency', pg_catalog.format('%s %s depends on extension %s', o.type, o.identity, x.extname),
         coalesce(o.schema, n.nspname)
  from pg_catalog.pg_depend d
  join pg_catalog.pg_extension x on x.oid = d.refobjid
  cross join lateral pg_catalog.pg_identify_object(d.classid, d.objid, d.objsubid) o
  left join pg_catalog.pg_trigger t on d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass and t.oid = d.objid
  left join pg_catalog.pg_class c on c.oid = t.tgrelid
  left join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where d.deptype = 'x' and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    and coalesce(o.schema, n.nspname) in {{schemas}}
  union all
  -- Security labels on objects in the inspected schemas, and on those schemas.
  select 'security label', pg_catalog.format('%s on %s %s', l.provider, o.type, o.identity), o.schema
  from pg_catalog.pg_seclabel l
  cross join lateral pg_catalog.pg_identify_object(l.classoid, l.objoid, l.objsubid) o
  where o.schema in {{schemas}}
     or (l.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
         and l.objoid in (select n.oid from pg_catalog.pg_namespace n where n.nspname in {{schemas}}))
)
select kind, identity, schema from reported
