-- The extension each object belongs to, for the ends of `dependencies.sql`: its members, and what is not a member
-- itself but is part of one for the model (`part`). Small: joined to the edges in read/dependencies.ts.
with member as (
  select m.classid, m.objid, x.extname
  from pg_catalog.pg_extension x
  join pg_catalog.pg_depend m on m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass and m.refobjid = x.oid
  where m.deptype = 'e'
),
-- What is not a member itself but is part of one for the model: a member relation's indexes, column defaults,
-- constraints, rules, triggers, policies, row type and that type's array; a member type's array (unless the type
-- is a relation's row type: that array is the relation's), its multirange and its domain constraints.
part as (
  select 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid as classid, i.indexrelid as objid, m.extname
  from member m join pg_catalog.pg_index i on i.indrelid = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid, m.extname
  from member m join pg_catalog.pg_attrdef ad on ad.adrelid = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, m.extname
  from member m join pg_catalog.pg_constraint k on k.conrelid = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid, m.extname
  from member m join pg_catalog.pg_rewrite r on r.ev_class = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid, m.extname
  from member m join pg_catalog.pg_trigger t on t.tgrelid = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid, m.extname
  from member m join pg_catalog.pg_policy p on p.polrelid = m.objid
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, m.extname
  from member m
  join pg_catalog.pg_class c on c.oid = m.objid and c.relkind <> 'c'
  join pg_catalog.pg_type rt on rt.oid = c.reltype
  join pg_catalog.pg_type t on t.oid in (rt.oid, rt.typarray)
  where m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  union all
  select 'pg_catalog.pg_type'::pg_catalog.regclass, t.typarray, m.extname
  from member m
  join pg_catalog.pg_type t on t.oid = m.objid
  left join pg_catalog.pg_class c on c.oid = t.typrelid
  where m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and t.typarray <> 0 and (c.oid is null or c.relkind = 'c')
  union all
  {{pg14: select 'pg_catalog.pg_type'::pg_catalog.regclass, r.rngmultitypid, m.extname
  from member m join pg_catalog.pg_range r on r.rngtypid = m.objid
  where m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
  union all | }}
  select 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, m.extname
  from member m join pg_catalog.pg_constraint k on k.contypid = m.objid and k.conrelid = 0
  where m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
),
belongs as (
  select classid, objid, extname from member
  union all
  select p.classid, p.objid, p.extname from part p
  where not exists (select 1 from member m where m.classid = p.classid and m.objid = p.objid)
)
select classid, objid, extname from belongs
