-- Schemas being inspected, with owner, comment and privileges.
select n.oid,
       n.nspname as name,
       pg_catalog.pg_get_userbyid(n.nspowner) as owner,
       pg_catalog.obj_description(n.oid, 'pg_namespace') as comment,
       {{acl(n.nspacl, 'n', n.nspowner) as acl}}
from pg_catalog.pg_namespace n
where n.nspname in {{schemas}}
