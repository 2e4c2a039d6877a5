-- Every pg_depend edge between objects created after initdb, with both ends described well enough to build model
-- ids (read/dependencies.ts builds them, so quoting matches `ident`). An end is first mapped to the object the model
-- knows it as: a column default to its column, an array type to its element type, a multirange to its range, a
-- table's row type to the table, a view's `_RETURN` rule to the view, a constraint trigger's constraint to the
-- trigger, a NOT NULL constraint to its column or domain. `extension` names the extension the end (or the relation
-- or type it belongs to) is a member of. Ends of catalogs the model does not cover have no kind.
-- Internal ('i'), extension membership ('e') and pin ('p', before PostgreSQL 15) rows are left out here: they tie a
-- part to the whole that creates it, not one object to another it needs.
with edge as (
  select d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid, d.deptype::text as deptype
  from pg_catalog.pg_depend d
  where d.deptype in ('n', 'a', 'P', 'S', 'x')
    -- FirstNormalObjectId: every object created after initdb has an oid at least this, so no dependent below it is ours.
    and d.objid >= 16384
),
object_end as (
  select classid, objid, objsubid from edge
  union
  select refclassid, refobjid, refobjsubid from edge
),
relation_kind(relkind, whole, part) as (
  values ('r', 'table', 'column'), ('p', 'table', 'column'), ('f', 'table', 'column'),
         ('v', 'view', 'column'), ('m', 'materialized-view', 'column'),
         ('S', 'sequence', 'sequence'), ('i', 'index', 'index'), ('I', 'index', 'index'), ('c', 'type', 'type')
),
described as (
  -- Relations and their columns.
  select e.classid, e.objid, e.objsubid,
         case when e.objsubid = 0 then k.whole else k.part end as kind,
         n.nspname as schema, c.relname as name, a.attname::text as sub, null::text as args,
         'pg_catalog.pg_class'::pg_catalog.regclass as owner_class,
         case when c.relkind in ('i', 'I') then (select i.indrelid from pg_catalog.pg_index i where i.indexrelid = c.oid) else c.oid end as owner_oid
  from object_end e
  join pg_catalog.pg_class c on c.oid = e.objid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join relation_kind k on k.relkind = c.relkind::text
  left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = e.objsubid and e.objsubid > 0
  where e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  -- Column defaults (and generation expressions): their column.
  select e.classid, e.objid, e.objsubid, k.part, n.nspname, c.relname, a.attname::text, null,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid
  from object_end e
  join pg_catalog.pg_attrdef ad on ad.oid = e.objid
  join pg_catalog.pg_class c on c.oid = ad.adrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  join pg_catalog.pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum
  left join relation_kind k on k.relkind = c.relkind::text
  where e.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
  union all
  -- Types: arrays as their element, multiranges as their range, row types as their relation.
  select e.classid, e.objid, e.objsubid,
         case when rel.oid is null then 'type' else k.whole end,
         coalesce(rn.nspname, n.nspname), coalesce(rel.relname, t.typname), null, null,
         case when rel.oid is null then 'pg_catalog.pg_type'::pg_catalog.regclass else 'pg_catalog.pg_class'::pg_catalog.regclass end,
         coalesce(rel.oid, t.oid)
  from object_end e
  join pg_catalog.pg_type t0 on t0.oid = e.objid
  left join pg_catalog.pg_type element on element.typarray = t0.oid
  {{pg14: left join pg_catalog.pg_range multirange on multirange.rngmultitypid = t0.oid | left join (select null::pg_catalog.oid as rngtypid) multirange on false}}
  join pg_catalog.pg_type t on t.oid = coalesce(element.oid, multirange.rngtypid, t0.oid)
  join pg_catalog.pg_namespace n on n.oid = t.typnamespace
  left join pg_catalog.pg_class rel on rel.oid = t.typrelid and rel.relkind <> 'c'
  left join pg_catalog.pg_namespace rn on rn.oid = rel.relnamespace
  left join relation_kind k on k.relkind = rel.relkind::text
  where e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
  union all
  -- Functions, procedures, aggregates: `args` is what read/dependency-routine-id.ts prints the identity arguments
  -- from, exactly as read/routines.ts does.
  select e.classid, e.objid, e.objsubid, 'function', n.nspname, p.proname, null,
         pg_catalog.json_build_object(
           'types', (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
                     from pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) with ordinality a(t, i)),
           'modes', p.proargmodes, 'names', p.proargnames, 'procedure', p.prokind = 'p',
           'direct', (select g.aggnumdirectargs from pg_catalog.pg_aggregate g where g.aggfnoid = p.oid and g.aggkind <> 'n'))::text,
         'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid
  from object_end e
  join pg_catalog.pg_proc p on p.oid = e.objid
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  where e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  union all
  -- Constraints of tables (`name` is the table) and of domains (`name` is the domain).
  select e.classid, e.objid, e.objsubid,
         case when k.contype = 'n' and k.contypid <> 0 then 'type'
              when k.contype = 'n' then 'column'
              when k.contype = 't' then 'trigger'
              else 'constraint' end,
         n.nspname, coalesce(c.relname, t.typname),
         case when k.contype = 'n' and k.contypid <> 0 then null
              when k.contype = 'n' then (select a.attname::text from pg_catalog.pg_attribute a
                                          where a.attrelid = k.conrelid and a.attnum = k.conkey[1])
              when k.contype = 't' then (select tg.tgname::text from pg_catalog.pg_trigger tg where tg.tgconstraint = k.oid limit 1)
              else k.conname::text end,
         null,
         case when c.oid is null then 'pg_catalog.pg_type'::pg_catalog.regclass else 'pg_catalog.pg_class'::pg_catalog.regclass end,
         coalesce(c.oid, t.oid)
  from object_end e
  join pg_catalog.pg_constraint k on k.oid = e.objid
  left join pg_catalog.pg_class c on c.oid = k.conrelid and k.conrelid <> 0
  left join pg_catalog.pg_type t on t.oid = k.contypid and k.contypid <> 0
  join pg_catalog.pg_namespace n on n.oid = coalesce(c.relnamespace, t.typnamespace)
  where e.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
  union all
  -- Rules: a `_RETURN` rule is its view or materialized view.
  select e.classid, e.objid, e.objsubid,
         case when r.rulename = '_RETURN' then k.whole else 'rule' end,
         n.nspname, c.relname, case when r.rulename = '_RETURN' then null else r.rulename::text end, null,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid
  from object_end e
  join pg_catalog.pg_rewrite r on r.oid = e.objid
  join pg_catalog.pg_class c on c.oid = r.ev_class
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join relation_kind k on k.relkind = c.relkind::text
  where e.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'trigger', n.nspname, c.relname, tg.tgname::text, null,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid
  from object_end e
  join pg_catalog.pg_trigger tg on tg.oid = e.objid
  join pg_catalog.pg_class c on c.oid = tg.tgrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where e.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'policy', n.nspname, c.relname, p.polname::text, null,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid
  from object_end e
  join pg_catalog.pg_policy p on p.oid = e.objid
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where e.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'schema', null, n.nspname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_namespace n on n.oid = e.objid
  where e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'extension', null, x.extname, null, null, null, null
  from object_end e
  join pg_catalog.pg_extension x on x.oid = e.objid
  where e.classid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'collation', n.nspname, c.collname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_collation c on c.oid = e.objid
  join pg_catalog.pg_namespace n on n.oid = c.collnamespace
  where e.classid = 'pg_catalog.pg_collation'::pg_catalog.regclass
  union all
  -- Casts: `schema`/`name` carry the source and target type as `format_type` prints them.
  select e.classid, e.objid, e.objsubid, 'cast', pg_catalog.format_type(c.castsource, null),
         pg_catalog.format_type(c.casttarget, null), null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_cast c on c.oid = e.objid
  where e.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'text-search-configuration', n.nspname, c.cfgname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_ts_config c on c.oid = e.objid
  join pg_catalog.pg_namespace n on n.oid = c.cfgnamespace
  where e.classid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'text-search-dictionary', n.nspname, d.dictname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_ts_dict d on d.oid = e.objid
  join pg_catalog.pg_namespace n on n.oid = d.dictnamespace
  where e.classid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'foreign-server', null, s.srvname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_foreign_server s on s.oid = e.objid
  where e.classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass
  union all
  select e.classid, e.objid, e.objsubid, 'event-trigger', null, t.evtname, null, null, e.classid, e.objid
  from object_end e
  join pg_catalog.pg_event_trigger t on t.oid = e.objid
  where e.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass
  union all
  -- Catalogs the model does not cover (operators, operator classes, languages, …): they matter only as members of
  -- an extension (an index using `gin_trgm_ops` needs pg_trgm).
  select e.classid, e.objid, e.objsubid, null, null, null, null, null, e.classid, e.objid
  from object_end e
  where e.classid not in ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_attrdef'::pg_catalog.regclass,
                          'pg_catalog.pg_type'::pg_catalog.regclass, 'pg_catalog.pg_proc'::pg_catalog.regclass,
                          'pg_catalog.pg_constraint'::pg_catalog.regclass, 'pg_catalog.pg_rewrite'::pg_catalog.regclass,
                          'pg_catalog.pg_trigger'::pg_catalog.regclass, 'pg_catalog.pg_policy'::pg_catalog.regclass,
                          'pg_catalog.pg_namespace'::pg_catalog.regclass, 'pg_catalog.pg_extension'::pg_catalog.regclass,
                          'pg_catalog.pg_collation'::pg_catalog.regclass, 'pg_catalog.pg_cast'::pg_catalog.regclass,
                          'pg_catalog.pg_ts_config'::pg_catalog.regclass, 'pg_catalog.pg_ts_dict'::pg_catalog.regclass,
                          'pg_catalog.pg_foreign_server'::pg_catalog.regclass,
                          'pg_catalog.pg_event_trigger'::pg_catalog.regclass)
),
resolved as (
  select d.classid, d.objid, d.objsubid, d.kind, d.schema, d.name, d.sub, d.args,
         coalesce((select x.extname from pg_catalog.pg_depend m join pg_catalog.pg_extension x on x.oid = m.refobjid
                   where m.classid = d.classid and m.objid = d.objid and m.deptype = 'e'),
                  (select x.extname from pg_catalog.pg_depend m join pg_catalog.pg_extension x on x.oid = m.refobjid
                   where m.classid = d.owner_class and m.objid = d.owner_oid and m.deptype = 'e')) as extension
  from described d
)
select ed.deptype,
       o.kind as from_kind, o.schema as from_schema, o.name as from_name, o.sub as from_sub, o.args as from_args,
       o.extension as from_extension,
       r.kind as to_kind, r.schema as to_schema, r.name as to_name, r.sub as to_sub, r.args as to_args,
       r.extension as to_extension
from edge ed
join resolved o on o.classid = ed.classid and o.objid = ed.objid and o.objsubid = ed.objsubid
join resolved r on r.classid = ed.refclassid and r.objid = ed.refobjid and r.objsubid = ed.refobjsubid
where (o.kind is not null or o.extension is not null) and (r.kind is not null or r.extension is not null)
