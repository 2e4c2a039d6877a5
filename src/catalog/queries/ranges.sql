-- Range types in the inspected schemas. Functions are returned as [schema, name, [argument types]] so the reader
-- can quote them itself; the operator class only when it is not a default one, as pg_dump decides.
select t.oid,
       t.typarray as array_type,
       {{pg14: r.rngmultitypid | null::pg_catalog.oid}} as multirange_type,
       n.nspname as schema,
       t.typname as name,
       pg_catalog.pg_get_userbyid(t.typowner) as owner,
       pg_catalog.obj_description(t.oid, 'pg_type') as comment,
       {{acl(t.typacl, 'T', t.typowner) as acl}},
       pg_catalog.format_type(r.rngsubtype, null) as subtype,
       case when not opc.opcdefault then pg_catalog.json_build_array(opcn.nspname, opc.opcname)::text end as opclass,
       case when r.rngcollation <> 0 and r.rngcollation <> st.typcollation
            then (select pg_catalog.json_build_array(cn.nspname, co.collname)::text
                  from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                  where co.oid = r.rngcollation)
       end as collation,
       (select pg_catalog.json_build_array(pn.nspname, p.proname,
                 (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
                  from pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) with ordinality a(t, i)))::text
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
        where p.oid = r.rngcanonical) as canonical,
       (select pg_catalog.json_build_array(pn.nspname, p.proname,
                 (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
                  from pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) with ordinality a(t, i)))::text
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
        where p.oid = r.rngsubdiff) as subtype_diff,
       {{pg14: (select pg_catalog.json_build_array(mn.nspname, m.typname)::text
                from pg_catalog.pg_type m join pg_catalog.pg_namespace mn on mn.oid = m.typnamespace
                where m.oid = r.rngmultitypid) | null::text}} as multirange
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
join pg_catalog.pg_range r on r.rngtypid = t.oid
join pg_catalog.pg_type st on st.oid = r.rngsubtype
join pg_catalog.pg_opclass opc on opc.oid = r.rngsubopc
join pg_catalog.pg_namespace opcn on opcn.oid = opc.opcnamespace
where t.typtype = 'r'
  and n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass and d.objid = t.oid and d.deptype = 'e')
