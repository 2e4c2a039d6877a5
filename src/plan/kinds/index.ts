import type { ListName } from "../../diff/entries.js";
import { ident, literal, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import { alterStep } from "./common.js";
import { defaultPrivilegesKind } from "./default-privileges.js";
import { indexesKind } from "./indexes.js";
import type { KindPlanner } from "./kind-planner.js";
import { policiesKind } from "./policies.js";
import { routinesKind } from "./routines.js";
import { sequencesKind } from "./sequences.js";
import { simpleKind } from "./simple.js";
import { tablesKind } from "./tables.js";
import { triggersKind } from "./triggers.js";
import { typesKind } from "./types.js";
import { materializedViewsKind, viewsKind } from "./views.js";

/** One planner per list: a new list in the catalog fails to compile until the plan knows how to change it. */
export const PLANNERS: { readonly [L in ListName]: KindPlanner<L> } = {
  schemas: simpleKind<"schemas">((s) => ({
    comment: `SCHEMA ${ident(s.name)}`,
    alter: `ALTER SCHEMA ${ident(s.name)}`,
    grant: ["SCHEMA", ident(s.name)],
  })),
  extensions: simpleKind<"extensions">((e) => ({ comment: `EXTENSION ${ident(e.name)}` }), {
    version: (f, t, _ctx, id) => [
      alterStep({
        why: `update extension ${t.name} from ${f.version} to ${t.version}`,
        object: id,
        detail: "version",
        up: [`ALTER EXTENSION ${ident(t.name)} UPDATE TO ${ident(t.version)};`],
        down: [`ALTER EXTENSION ${ident(t.name)} UPDATE TO ${ident(f.version)};`],
      }),
    ],
    schema: (f, t, _ctx, id) => [
      alterStep({
        why: `move extension ${t.name} to schema ${t.schema}`,
        object: id,
        detail: "schema",
        up: [`ALTER EXTENSION ${ident(t.name)} SET SCHEMA ${ident(t.schema)};`],
        down: [`ALTER EXTENSION ${ident(t.name)} SET SCHEMA ${ident(f.schema)};`],
        breaking: [breaking("relation-renamed", `the functions and types of extension ${t.name} move from ${f.schema} to ${t.schema}: qualified names and search paths must follow`)],
      }),
    ],
    comment: (f, t, _ctx, id) => {
      // The model leaves out the control file's comment (absent = what CREATE EXTENSION set); only the server knows it.
      const sql = (c: string | undefined): string =>
        c !== undefined
          ? `COMMENT ON EXTENSION ${ident(t.name)} IS ${c === "" ? "NULL" : literal(c)};`
          : `DO $$ BEGIN EXECUTE format('COMMENT ON EXTENSION %I IS %L', ${literal(t.name)}, (SELECT comment FROM pg_catalog.pg_available_extensions WHERE name = ${literal(t.name)})); END $$;`;
      return [alterStep({ why: `${t.comment === undefined ? "restore the default" : t.comment === "" ? "remove" : "set"} comment on extension ${t.name}`, object: id, detail: "comment", up: [sql(t.comment)], down: [sql(f.comment)] })];
    },
  }),
  collations: simpleKind<"collations">((c) => ({ comment: `COLLATION ${qname(c)}`, alter: `ALTER COLLATION ${qname(c)}` })),
  types: typesKind,
  sequences: sequencesKind,
  tables: tablesKind,
  indexes: indexesKind,
  views: viewsKind,
  materializedViews: materializedViewsKind,
  routines: routinesKind,
  triggers: triggersKind,
  eventTriggers: simpleKind<"eventTriggers">(
    (t) => ({ comment: `EVENT TRIGGER ${ident(t.name)}`, alter: `ALTER EVENT TRIGGER ${ident(t.name)}` }),
    {
      enabled: (f, t, _ctx, id) => {
        const sql = (e: typeof t.enabled): string =>
          `ALTER EVENT TRIGGER ${ident(t.name)} ${e === undefined ? "ENABLE" : e === "disabled" ? "DISABLE" : `ENABLE ${e.toUpperCase()}`};`;
        return [alterStep({ why: `set event trigger ${t.name} ${t.enabled ?? "enabled"}`, object: id, detail: "enabled", up: [sql(t.enabled)], down: [sql(f.enabled)] })];
      },
    },
  ),
  rules: simpleKind<"rules">((r) => ({ comment: `RULE ${ident(r.name)} ON ${qname(r.table)}` }), {
    enabled: (f, t, _ctx, id) => {
      const sql = (e: typeof t.enabled): string =>
        `ALTER TABLE ${qname(t.table)} ${e === undefined ? "ENABLE" : e === "disabled" ? "DISABLE" : `ENABLE ${e.toUpperCase()}`} RULE ${ident(t.name)};`;
      return [
        alterStep({
          why: `set rule ${t.name} on ${qname(t.table)} ${t.enabled ?? "enabled"}`,
          object: id,
          detail: "enabled",
          up: [sql(t.enabled)],
          down: [sql(f.enabled)],
          locks: [{ level: "SHARE ROW EXCLUSIVE", on: `table:${qname(t.table)}` }],
        }),
      ];
    },
  }),
  policies: policiesKind,
  casts: simpleKind<"casts">((c) => ({ comment: `CAST (${c.source} AS ${c.target})` })),
  textSearchConfigurations: simpleKind<"textSearchConfigurations">((c) => ({
    comment: `TEXT SEARCH CONFIGURATION ${qname(c)}`,
    alter: `ALTER TEXT SEARCH CONFIGURATION ${qname(c)}`,
  })),
  textSearchDictionaries: simpleKind<"textSearchDictionaries">((d) => ({
    comment: `TEXT SEARCH DICTIONARY ${qname(d)}`,
    alter: `ALTER TEXT SEARCH DICTIONARY ${qname(d)}`,
  })),
  foreignServers: simpleKind<"foreignServers">(
    (s) => ({
      comment: `SERVER ${ident(s.name)}`,
      alter: `ALTER SERVER ${ident(s.name)}`,
      grant: ["FOREIGN SERVER", ident(s.name)],
    }),
    {
      // In place: dropping a server would take its foreign tables and user mappings along.
      version: (f, t, _ctx, id) => {
        const sql = (v: string | undefined): string => `ALTER SERVER ${ident(t.name)} VERSION ${v === undefined ? "NULL" : literal(v)};`;
        return [alterStep({ why: `set the version of server ${t.name}`, object: id, detail: "version", up: [sql(t.version)], down: [sql(f.version)] })];
      },
      options: (f, t, _ctx, id) => {
        const sql = (a: readonly string[] | undefined, b: readonly string[] | undefined): string => `ALTER SERVER ${ident(t.name)} ${optionChanges(a, b)};`;
        return [alterStep({ why: `change the options of server ${t.name}`, object: id, detail: "options", up: [sql(f.options, t.options)], down: [sql(t.options, f.options)] })];
      },
    },
  ),
  defaultPrivileges: defaultPrivilegesKind,
};

/** `OPTIONS (SET k 'v', ADD k 'v', DROP k)` from one `key=value` list to another. */
function optionChanges(from: readonly string[] | undefined, to: readonly string[] | undefined): string {
  const parse = (list: readonly string[] | undefined): Map<string, string> => new Map((list ?? []).map((o) => [o.slice(0, o.indexOf("=")), o.slice(o.indexOf("=") + 1)]));
  const [a, b] = [parse(from), parse(to)];
  const parts = [
    ...[...a.keys()].filter((k) => !b.has(k)).map((k) => `DROP ${ident(k)}`),
    ...[...b].filter(([k, v]) => a.get(k) !== v).map(([k, v]) => `${a.has(k) ? "SET" : "ADD"} ${ident(k)} ${literal(v)}`),
  ];
  return `OPTIONS (${parts.join(", ")})`;
}
