import type { Catalog, ObjectId } from "../catalog/model.js";
import type { Entry } from "../diff/entries.js";
import type { ResolvedPlanOptions } from "./options.js";
import type { Step } from "./step.js";

/** What a kind's planner may look at: both catalogs, their objects by id, and what else the plan does. */
export interface PlanContext {
  readonly from: Catalog;
  readonly to: Catalog;
  readonly fromEntries: ReadonlyMap<ObjectId, Entry>;
  readonly toEntries: ReadonlyMap<ObjectId, Entry>;
  readonly options: ResolvedPlanOptions;
  /** Objects (top-level ids) created by this plan, fresh or recreated: their tables are empty, no need to go online. */
  readonly created: ReadonlySet<ObjectId>;
  /** Objects (top-level ids) dropped by this plan, for good or to be recreated. */
  readonly dropped: ReadonlySet<ObjectId>;
  /**
   * The plain (offline) steps from one catalog to another: for a reversal that PostgreSQL can only do by a rebuild
   * whose dependents must be rebuilt too (an enum value taken out again).
   */
  readonly replan?: (from: Catalog, to: Catalog) => readonly Step[];
}
