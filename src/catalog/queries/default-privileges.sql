-- Default privileges (ALTER DEFAULT PRIVILEGES): those for every schema (`defaclnamespace = 0`, database-wide) and
-- those for an inspected schema. The ACL is exploded as stored: for every schema it replaces the built-in default,
-- for one schema it adds to it.
select pg_catalog.pg_get_userbyid(d.defaclrole) as role,
       n.nspname as schema,
       d.defaclobjtype::text as object_type,
       (select pg_catalog.json_agg(pg_catalog.json_build_array(
                 case when a.grantee = 0 then 'PUBLIC' else pg_catalog.pg_get_userbyid(a.grantee) end,
                 pg_catalog.pg_get_userbyid(a.grantor), a.privilege_type, a.is_grantable))
        from pg_catalog.aclexplode(d.defaclacl) a)::text as acl
from pg_catalog.pg_default_acl d
left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
where d.defaclnamespace = 0 or n.nspname in {{schemas}}
