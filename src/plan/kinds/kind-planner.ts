import type { Entry, EntryOf, ListName } from "../../diff/entries.js";
import type { PlanContext } from "../context.js";
import type { Step } from "../step.js";
import type { AlterResult } from "./common.js";

/**
 * How one kind of object is created, dropped and altered. `create` and `drop` default to the generic steps built
 * from the DDL writer (see `generic.ts`); a kind overrides them for locks, hazards or online forms.
 */
export interface KindPlanner<L extends ListName> {
  readonly create?: (entry: EntryOf<L>, ctx: PlanContext) => Step[];
  readonly drop?: (entry: EntryOf<L>, ctx: PlanContext, implied: readonly Entry[]) => Step;
  readonly alter: (from: EntryOf<L>, to: EntryOf<L>, ctx: PlanContext) => AlterResult;
}
