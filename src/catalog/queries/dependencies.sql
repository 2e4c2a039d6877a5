-- Every pg_depend edge from an object created after initdb, as the raw (classid, objid, objsubid) of both ends:
-- read/dependencies.ts maps each end to the model object a reader registered for it (read/catalog-objects.ts), and
-- to an extension with `extension-members.sql`.
-- Internal ('i'), extension membership ('e') and pin ('p', before PostgreSQL 15) rows are left out here: they tie a
-- part to the whole that creates it, not one object to another it needs.
-- One row of text, `deptype,classid,objid,objsubid,refclassid,refobjid,refobjsubid` per edge, `;` between edges:
-- there are thousands of edges, and decoding them as rows costs the client far more than writing them costs here.
select pg_catalog.string_agg(pg_catalog.concat_ws(',', d.deptype, d.classid, d.objid, d.objsubid,
                                                  d.refclassid, d.refobjid, d.refobjsubid), ';') as edges
from pg_catalog.pg_depend d
where d.deptype in ('n', 'a', 'P', 'S', 'x')
  -- FirstNormalObjectId: every object created after initdb has an oid at least this, so no dependent below it is ours.
  and d.objid >= 16384
