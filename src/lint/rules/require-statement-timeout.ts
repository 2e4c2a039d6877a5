import { alterCommands, columnConstraints, rangeVarName, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, statementTimeoutSet, vacuumFull } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

const SERIAL = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

/** What makes an ALTER TABLE subcommand run for as long as the table is big (scan, rewrite or index build). */
function longAlter(c: Node, created: ReadonlySet<string>): string | undefined {
  const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
  switch (c.subtype) {
    case "AT_ValidateConstraint":
      return `validating ${c.name as string} scans the table`;
    case "AT_AddConstraint":
      if (!con) return undefined;
      if ((con.contype === "CONSTR_CHECK" || con.contype === "CONSTR_FOREIGN") && !con.skip_validation) return `adding ${con.contype === "CONSTR_CHECK" ? "a CHECK" : "a foreign key"} without NOT VALID scans the table`;
      if ((con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") && !con.indexname) return "adding the key builds its index";
      if (con.contype === "CONSTR_EXCLUSION") return "adding the exclusion constraint builds its index";
      return undefined;
    case "AT_AlterColumnType":
      return `changing the type of ${c.name as string} may rewrite the table and its indexes`;
    case "AT_SetNotNull":
      return `SET NOT NULL on ${c.name as string} scans the table`;
    case "AT_AddColumn": {
      const def = (c.def as Node).ColumnDef as Node;
      const generated = columnConstraints(def).some((x) => x.contype === "CONSTR_IDENTITY" || (x.contype === "CONSTR_GENERATED" && x.generated_kind === "s"));
      return generated || SERIAL.has(typeName(def.typeName as Node)) ? `adding ${def.colname as string} rewrites the table` : undefined;
    }
    case "AT_SetLogged":
    case "AT_SetUnLogged":
    case "AT_SetAccessMethod":
      return "it rewrites the table";
    case "AT_SetTableSpace":
      return "it copies the table's files";
    case "AT_AttachPartition":
      return created.has(rangeVarName(((c.def as Node).PartitionCmd as Node).name as Node)) ? undefined : "attaching scans the partition unless a valid CHECK proves its bound";
    default:
      return undefined;
  }
}

/** Why `s` runs long on an existing table, or undefined. */
function longRunning(s: Statement, created: ReadonlySet<string>): { table: string; why: string } | undefined {
  const { kind, node } = s;
  const rv = node.relation as Node | undefined;
  const table = rv ? rangeVarName(rv) : "";
  if (rv && created.has(table)) return undefined;
  switch (kind) {
    case "IndexStmt":
      // ON ONLY a partitioned table creates an invalid parent index without building anything.
      return rv?.inh === false || rv?.inh === undefined ? undefined : { table, why: "building the index reads the whole table" };
    case "AlterTableStmt": {
      const why = alterCommands(node).map((c) => longAlter(c, created)).find(Boolean);
      return why ? { table, why } : undefined;
    }
    case "ClusterStmt":
      return { table: table || "every clustered table", why: "CLUSTER rewrites the table" };
    case "VacuumStmt":
      if (!vacuumFull(node)) return undefined;
      {
        const tables = ((node.rels ?? []) as Node[]).map((r) => rangeVarName((r.VacuumRelation as Node).relation as Node)).filter((t) => !created.has(t));
        if ((node.rels as Node[] | undefined)?.length && tables.length === 0) return undefined;
        return { table: tables.join(", ") || "every table", why: "VACUUM FULL rewrites the table" };
      }
    case "ReindexStmt":
      return { table: table || ((node.name as string | undefined) ?? "the database"), why: "REINDEX rebuilds every index it names" };
    case "RefreshMatViewStmt":
      return { table, why: "REFRESH MATERIALIZED VIEW runs the view's query again" };
    default:
      return undefined;
  }
}

export default defineRule({
  id: "require-statement-timeout",
  severity: "info",
  docs: {
    summary: "A statement that runs as long as the table is big (index build, constraint validation, table rewrite, VACUUM FULL, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW) on an existing table, with no `statement_timeout` set earlier in the file.",
    why: "Such a statement holds its locks for as long as it runs; without a statement_timeout a build or rewrite that takes far longer than planned (a bigger table, a slow disk, a lock it waits on after starting) keeps blocking traffic until someone cancels it. squawk flags the first DDL of any kind; this rule flags only statements whose duration grows with the table, on tables the file did not create.",
    fix: "`SET statement_timeout = '…'` before it, generous enough for the expected run (`SET LOCAL` inside the transaction). The earlier `SET` is read from this file; RESET, `= 0` and DEFAULT turn it off, and a `SET LOCAL` ends with its transaction.",
    squawk: "require-statement-timeout",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    if (statementTimeoutSet(earlier)) return [];
    const long = longRunning(statement, state.createdTables);
    if (!long) return [];
    return [
      {
        message: `no statement_timeout: ${long.why} (${long.table})`,
        object: long.table,
        fix: { title: "set a statement timeout first", sql: `SET statement_timeout = '30min';\n${statement.text.replace(/;?\s*$/, "")};` },
      },
    ];
  },
});
