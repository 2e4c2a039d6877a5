import { createRoutineStatement, defaultFinalModify, type RoutineFields } from "../../sql/ddl/routine-create.js";
import { ident } from "../../sql/ident.js";
import type { AggregateDetails, Routine, Volatility } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, listOf, numberOf, textOf } from "./context.js";
import { fullArguments, identityArguments, type RawArguments, resultType } from "./routine-signature.js";
import { qualifiedRef } from "./type-names.js";

type Row = Record<string, unknown>;

const KINDS: Readonly<Record<string, Routine["kind"]>> = { f: "function", p: "procedure", a: "aggregate", w: "window" };
const VOLATILITY: Readonly<Record<string, Volatility>> = { i: "immutable", s: "stable", v: "volatile" };
const PARALLEL: Readonly<Record<string, Routine["parallel"]>> = { s: "safe", r: "restricted", u: "unsafe" };

export async function readRoutines(ctx: ReadContext): Promise<Routine[]> {
  const [rows, aggregateRows] = await Promise.all([ctx.rows("routines"), ctx.rows("aggregates")]);
  const aggregates = new Map(aggregateRows.map((a) => [String(a.oid), a]));
  return rows.map((r) => {
    const read = routine(r, aggregates.get(String(r.oid)));
    ctx.register(CATALOG.proc, r.oid, objectId.routine(read, read.identityArguments));
    return read;
  });
}

function routine(r: Row, aggregateRow: Row | undefined): Routine {
  const kind = KINDS[String(r.kind)]!;
  const aggregate = aggregateRow && aggregateDetails(aggregateRow);
  const args: RawArguments = {
    types: jsonOf<string[]>(r.arg_types) ?? [],
    modes: jsonOf<string[]>(r.arg_modes),
    names: jsonOf<string[]>(r.arg_names),
    defaults: jsonOf<(string | null)[]>(r.arg_defaults),
    isProcedure: kind === "procedure",
    orderByAt: aggregate?.directArgumentCount,
  };
  const owner = String(r.owner);
  const language = String(r.language);
  const returnsSet = Boolean(r.returns_set);
  const rows = numberOf(r.rows);
  const sqlBody = textOf(r.sql_body);
  const fields = defined<RoutineFields>({
    schema: String(r.schema),
    name: String(r.name),
    kind,
    owner,
    comment: textOf(r.comment),
    acl: aclFrom(r.acl, r.acl_default, owner),
    identityArguments: identityArguments(args),
    arguments: fullArguments(args),
    returns: kind === "procedure" ? undefined : resultType(args, returnsSet, String(r.return_type)),
    language,
    volatility: VOLATILITY[String(r.volatility)]!,
    strict: Boolean(r.strict),
    securityDefiner: Boolean(r.security_definer),
    leakproof: Boolean(r.leakproof),
    parallel: PARALLEL[String(r.parallel)]!,
    cost: numberOf(r.cost),
    rows: returnsSet && rows !== 1000 ? rows : undefined,
    config: listOf(r.config),
    transforms: listOf(r.transforms),
    support: qualifiedRef(r.support),
    body: sqlBody ?? String(r.source ?? ""),
    sqlStandardBody: sqlBody === undefined ? undefined : true,
    objectFile: textOf(r.object_file),
    aggregate,
  });
  return { ...fields, definition: createRoutineStatement(fields) };
}

const AGGREGATE_KINDS: Readonly<Record<string, AggregateDetails["kind"]>> = {
  n: "normal",
  o: "ordered-set",
  h: "hypothetical-set",
};
const MODIFY: Readonly<Record<string, AggregateDetails["finalModify"]>> = { r: "read-only", s: "shareable", w: "read-write" };

function aggregateDetails(a: Row): AggregateDetails {
  const kind = AGGREGATE_KINDS[String(a.kind)]!;
  const functions = jsonOf<Record<string, [string, string]>>(a.functions) ?? {};
  const fn = (role: string): string | undefined => qualifiedRef(functions[role]);
  const modify = (value: unknown): AggregateDetails["finalModify"] => {
    const m = MODIFY[String(value)];
    return m === defaultFinalModify(kind) ? undefined : m;
  };
  const space = (value: unknown): number | undefined => (numberOf(value) === 0 ? undefined : numberOf(value));
  const sortOperator = jsonOf<[string, string]>(a.sort_operator);
  return defined<AggregateDetails>({
    kind,
    stateFunction: fn("transition")!,
    stateType: String(a.state_type),
    stateSpace: space(a.state_space),
    finalFunction: fn("final"),
    finalExtra: a.final_extra ? true : undefined,
    finalModify: modify(a.final_modify),
    combineFunction: fn("combine"),
    serialFunction: fn("serial"),
    deserialFunction: fn("deserial"),
    initialValue: textOf(a.initial_value),
    movingStateFunction: fn("movingTransition"),
    movingInverseFunction: fn("movingInverse"),
    movingStateType: textOf(a.moving_state_type),
    movingStateSpace: space(a.moving_state_space),
    movingFinalFunction: fn("movingFinal"),
    movingFinalExtra: a.moving_final_extra ? true : undefined,
    movingFinalModify: modify(a.moving_final_modify),
    movingInitialValue: textOf(a.moving_initial_value),
    // Operator names are symbols: never quoted.
    sortOperator: sortOperator && `${ident(sortOperator[0])}.${sortOperator[1]}`,
    directArgumentCount: kind === "normal" ? undefined : numberOf(a.direct_args),
  });
}
