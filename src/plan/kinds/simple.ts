import type { Grant, ObjectId, RoleName } from "../../catalog/model.js";
import type { EntryOf, ListName } from "../../diff/entries.js";
import type { PlanContext } from "../context.js";
import type { Step } from "../step.js";
import { type AlterResult, aclStep, alterByFields, commentStep, ownerStep } from "./common.js";
import type { KindPlanner } from "./kind-planner.js";

/** How to name an object in COMMENT ON, ALTER … OWNER TO and GRANT. */
export interface SqlNames {
  /** `TABLE public.t`, `FUNCTION public.f(integer)`, `TRIGGER t ON public.x`. */
  readonly comment: string;
  /** `ALTER TABLE public.t` (no owner when the kind has none). */
  readonly alter?: string;
  /** GRANT object keyword and target: `["FUNCTION", "public.f(integer)"]`. */
  readonly grant?: readonly [string, string];
}

type Item<L extends ListName> = EntryOf<L>["object"];
type Handlers<L extends ListName> = { readonly [K in keyof Item<L>]?: (from: Item<L>, to: Item<L>, ctx: PlanContext, id: ObjectId) => readonly Step[] };

interface Common {
  readonly comment?: string;
  readonly owner?: RoleName;
  readonly acl?: readonly Grant[];
}

/**
 * A kind whose comment, owner and privileges alter in place and whose other fields, unless `handlers` says how,
 * mean drop and create.
 */
export function simpleKind<L extends ListName>(
  names: (object: Item<L>) => SqlNames,
  handlers: Handlers<L> = {},
  overrides: Partial<Pick<KindPlanner<L>, "create" | "drop">> = {},
): KindPlanner<L> {
  return {
    ...overrides,
    alter: (fromEntry, toEntry, ctx): AlterResult => {
      const from = fromEntry.object as unknown as Common;
      const to = toEntry.object as unknown as Common;
      const id = toEntry.id;
      const n = names(toEntry.object as Item<L>);
      const fixed = {
        comment: () => commentStep(id, n.comment, from.comment, to.comment),
        owner: () => (n.alter ? ownerStep(id, n.alter, from.owner!, to.owner!) : []),
        acl: () => (n.grant ? aclStep(id, n.grant[0], n.grant[1], { from: from.owner!, to: to.owner! }, from.acl, to.acl) : []),
      };
      const all: Record<string, (f: Item<L>, t: Item<L>) => readonly Step[]> = {};
      for (const [k, h] of Object.entries(handlers)) all[k] = (f, t) => (h as NonNullable<Handlers<L>[keyof Item<L>]>)(f, t, ctx, id);
      all["comment"] ??= fixed.comment;
      if (n.alter && from.owner !== undefined) all["owner"] ??= fixed.owner;
      if (n.grant) all["acl"] ??= fixed.acl;
      return alterByFields(from, to, all as never, (field) => `${String(field)} cannot be altered in place`);
    },
  };
}
