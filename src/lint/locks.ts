import { LOCK_LEVELS, type LockLevel } from "../plan/step.js";
import { alterCommands, optionOn, rangeVarName } from "./ast.js";
import type { Node, Statement } from "./statements.js";

export interface StatementLock {
  /** `schema.table` (or the index, sequence or view named by the statement). */
  readonly table: string;
  readonly mode: LockLevel;
}

const rank = (m: LockLevel): number => LOCK_LEVELS.indexOf(m);

/** Modes that block plain reads (ACCESS EXCLUSIVE) or writes (SHARE and stronger). */
export const blocksReads = (m: LockLevel): boolean => m === "ACCESS EXCLUSIVE";
export const blocksWrites = (m: LockLevel): boolean => rank(m) >= rank("SHARE");

/** ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE (tablecmds.c AlterTableGetLockLevel). */
const ALTER_TABLE_LOCKS: Record<string, LockLevel> = {
  AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
  AT_SetOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ResetOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
  AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
  AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
  AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
  AT_EnableTrig: "SHARE ROW EXCLUSIVE",
  AT_EnableAlwaysTrig: "SHARE ROW EXCLUSIVE",
  AT_EnableReplicaTrig: "SHARE ROW EXCLUSIVE",
  AT_DisableTrig: "SHARE ROW EXCLUSIVE",
  AT_EnableTrigAll: "SHARE ROW EXCLUSIVE",
  AT_DisableTrigAll: "SHARE ROW EXCLUSIVE",
  AT_EnableTrigUser: "SHARE ROW EXCLUSIVE",
  AT_DisableTrigUser: "SHARE ROW EXCLUSIVE",
};

/** COMMENT ON these names a relation. */
const RELATION_OBJECTS = new Set(["OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_SEQUENCE", "OBJECT_FOREIGN_TABLE"]);

function strongest(locks: StatementLock[]): StatementLock[] {
  const byTable = new Map<string, LockLevel>();
  for (const l of locks) if (!byTable.has(l.table) || rank(l.mode) > rank(byTable.get(l.table)!)) byTable.set(l.table, l.mode);
  return [...byTable].map(([table, mode]) => ({ table, mode }));
}

/**
 * The table-level locks a statement takes, per the PostgreSQL documentation (explicit-locking, ALTER TABLE,
 * CREATE INDEX, …): the strongest per object. Statements on objects this analysis does not follow give none.
 */
export function statementLocks(s: Statement): StatementLock[] {
  const n = s.node;
  switch (s.kind) {
    case "IndexStmt":
      return [{ table: rangeVarName(n.relation as Node), mode: n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE" }];
    case "AlterTableStmt": {
      const table = rangeVarName(n.relation as Node);
      const locks: StatementLock[] = [];
      for (const c of alterCommands(n)) {
        const constraint = ((c.def as Node | undefined)?.Constraint as Node | undefined) ?? undefined;
        if (c.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_FOREIGN") {
          locks.push({ table, mode: "SHARE ROW EXCLUSIVE" }, { table: rangeVarName(constraint.pktable as Node), mode: "SHARE ROW EXCLUSIVE" });
        } else if (c.subtype === "AT_DetachPartition" && ((c.def as Node)?.PartitionCmd as Node | undefined)?.concurrent) {
          locks.push({ table, mode: "SHARE UPDATE EXCLUSIVE" });
        } else {
          locks.push({ table, mode: ALTER_TABLE_LOCKS[c.subtype as string] ?? "ACCESS EXCLUSIVE" });
        }
      }
      return strongest(locks);
    }
    case "RenameStmt":
      // Renames of schemas, types, functions… name no relation and lock no table.
      if (!n.relation) return [];
      return [{ table: rangeVarName(n.relation as Node), mode: n.renameType === "OBJECT_INDEX" ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE" }];
    case "CreateTrigStmt":
      return [{ table: rangeVarName(n.relation as Node), mode: "SHARE ROW EXCLUSIVE" }];
    case "DropStmt": {
      const type = n.removeType as string;
      if (!["OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_SEQUENCE"].includes(type)) return [];
      const objects = ((n.objects ?? []) as Node[]).map((o) => ((o.List as Node | undefined)?.items as Node[] | undefined)?.map((i) => (i.String as Node).sval as string) ?? []);
      // DROP INDEX CONCURRENTLY waits for transactions using the index under SHARE UPDATE EXCLUSIVE (table and index).
      const mode = type === "OBJECT_INDEX" && n.concurrent ? ("SHARE UPDATE EXCLUSIVE" as const) : ("ACCESS EXCLUSIVE" as const);
      return objects.map((parts) => ({ table: parts.length > 1 ? parts.join(".") : `public.${parts[0]}`, mode }));
    }
    case "TruncateStmt":
      return ((n.relations ?? []) as Node[]).map((r) => ({ table: rangeVarName(r.RangeVar as Node), mode: "ACCESS EXCLUSIVE" as const }));
    case "ClusterStmt":
      return n.relation ? [{ table: rangeVarName(n.relation as Node), mode: "ACCESS EXCLUSIVE" }] : [];
    case "VacuumStmt": {
      const full = optionOn(n.options, "full");
      return ((n.rels ?? []) as Node[]).map((r) => ({ table: rangeVarName(((r.VacuumRelation as Node)?.relation as Node) ?? {}), mode: full ? ("ACCESS EXCLUSIVE" as const) : ("SHARE UPDATE EXCLUSIVE" as const) }));
    }
    case "RefreshMatViewStmt":
      return [{ table: rangeVarName(n.relation as Node), mode: n.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE" }];
    case "ReindexStmt": {
      if (!n.relation) return [];
      // A plain REINDEX takes SHARE on the table and ACCESS EXCLUSIVE on each index it rebuilds: REINDEX INDEX names
      // the index, whose lock is the one queries planning with it wait on.
      if (optionOn(n.params, "concurrently")) return [{ table: rangeVarName(n.relation as Node), mode: "SHARE UPDATE EXCLUSIVE" }];
      return [{ table: rangeVarName(n.relation as Node), mode: n.kind === "REINDEX_OBJECT_INDEX" ? "ACCESS EXCLUSIVE" : "SHARE" }];
    }
    case "CommentStmt": {
      // COMMENT ON a relation or its column takes SHARE UPDATE EXCLUSIVE on the relation (blocks DDL and VACUUM, not reads or writes).
      const parts = ((n.object as Node | undefined)?.List as Node | undefined)?.items as Node[] | undefined;
      const path = parts?.map((i) => (i.String as Node | undefined)?.sval as string) ?? [];
      const relation = n.objtype === "OBJECT_COLUMN" ? path.slice(0, -1) : RELATION_OBJECTS.has(n.objtype as string) ? path : [];
      if (relation.length === 0) return [];
      return [{ table: relation.length > 1 ? relation.join(".") : `public.${relation[0]}`, mode: "SHARE UPDATE EXCLUSIVE" }];
    }
    case "InsertStmt":
    case "UpdateStmt":
    case "DeleteStmt":
    case "MergeStmt":
      return [{ table: rangeVarName(n.relation as Node), mode: "ROW EXCLUSIVE" }];
    case "LockStmt": {
      // The parse node numbers the modes 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE), in LOCK_LEVELS' order (the planner's list: lint and plan name the same locks).
      const mode = LOCK_LEVELS[Number(n.mode ?? 8) - 1] ?? "ACCESS EXCLUSIVE";
      return ((n.relations ?? []) as Node[]).map((r) => ({ table: rangeVarName(r.RangeVar as Node), mode }));
    }
    default:
      return [];
  }
}
