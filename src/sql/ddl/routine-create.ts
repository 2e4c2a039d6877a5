import type { AggregateDetails, Routine } from "../../catalog/model.js";
import { dollarQuoted, ident, literal, qname } from "../ident.js";

/** A routine as the reader builds it, before its `definition` (which is this module's output) is known. */
export type RoutineFields = Omit<Routine, "definition">;

/** `CREATE FUNCTION` / `PROCEDURE` / `AGGREGATE` for a routine, from its model fields alone. */
export function createRoutineStatement(r: RoutineFields): string {
  return r.kind === "aggregate" ? createAggregate(r) : createFunction(r);
}

/** The keyword naming the routine in ALTER, COMMENT and DROP. */
export function routineKeyword(r: Pick<Routine, "kind">): "FUNCTION" | "PROCEDURE" | "AGGREGATE" {
  return r.kind === "procedure" ? "PROCEDURE" : r.kind === "aggregate" ? "AGGREGATE" : "FUNCTION";
}

/** `schema.name(identity arguments)`; an aggregate without arguments is `name(*)`. */
export function routineSignature(r: Pick<Routine, "kind" | "schema" | "name" | "identityArguments">): string {
  const args = r.kind === "aggregate" && r.identityArguments === "" ? "*" : r.identityArguments;
  return `${qname(r)}(${args})`;
}

/**
 * The signature GRANT accepts: its argument list has no `ORDER BY`, so an ordered-set aggregate lists direct and
 * aggregated arguments in one row, and a variadic one (printed `VARIADIC x ORDER BY VARIADIC x`) its argument once.
 */
export function grantSignature(r: Pick<Routine, "kind" | "schema" | "name" | "identityArguments">): string {
  if (r.kind !== "aggregate") return `${qname(r)}(${r.identityArguments})`;
  const [direct, aggregated] = r.identityArguments.split(" ORDER BY ");
  if (aggregated === undefined) {
    const only = r.identityArguments.startsWith("ORDER BY ") ? r.identityArguments.slice("ORDER BY ".length) : r.identityArguments;
    return `${qname(r)}(${only})`;
  }
  const repeated = aggregated.startsWith("VARIADIC ") && (direct === aggregated || direct!.endsWith(`, ${aggregated}`));
  return `${qname(r)}(${repeated ? direct : `${direct}, ${aggregated}`})`;
}

/** CREATE FUNCTION's default COST: 1 for C and internal functions, 100 for the rest. */
export function defaultCost(language: string): number {
  return language === "c" || language === "internal" ? 1 : 100;
}

const VOLATILITY = { immutable: "IMMUTABLE", stable: "STABLE", volatile: undefined } as const;

function createFunction(r: RoutineFields): string {
  const isProcedure = r.kind === "procedure";
  const lines = [`CREATE ${isProcedure ? "PROCEDURE" : "FUNCTION"} ${qname(r)}(${r.arguments})`];
  if (!isProcedure) lines.push(` RETURNS ${r.returns ?? "void"}`);
  lines.push(` LANGUAGE ${ident(r.language)}`);
  if (r.transforms) lines.push(` TRANSFORM ${r.transforms.map((t) => `FOR TYPE ${t}`).join(", ")}`);
  if (r.kind === "window") lines.push(" WINDOW");
  if (!isProcedure) {
    const traits = [
      VOLATILITY[r.volatility],
      r.leakproof ? "LEAKPROOF" : undefined,
      r.strict ? "STRICT" : undefined,
      r.securityDefiner ? "SECURITY DEFINER" : undefined,
      r.parallel === "unsafe" ? undefined : `PARALLEL ${r.parallel.toUpperCase()}`,
    ].filter((t) => t !== undefined);
    if (traits.length > 0) lines.push(` ${traits.join(" ")}`);
    if (r.cost !== defaultCost(r.language)) lines.push(` COST ${r.cost}`);
    if (r.rows !== undefined) lines.push(` ROWS ${r.rows}`);
    if (r.support !== undefined) lines.push(` SUPPORT ${r.support}`);
  } else if (r.securityDefiner) {
    lines.push(" SECURITY DEFINER");
  }
  for (const item of r.config ?? []) lines.push(` ${setClause(item)}`);
  lines.push(body(r));
  return `${lines.join("\n")};`;
}

function body(r: RoutineFields): string {
  if (r.sqlStandardBody) return r.body;
  if (r.objectFile !== undefined) return `AS ${literal(r.objectFile)}, ${literal(r.body)}`;
  if (r.language === "c" || r.language === "internal") return `AS ${literal(r.body)}`;
  return `AS ${dollarQuoted(r.body)}`;
}

/** Settings whose value is a list of names, each written as its own literal (pg_dump's `variable_is_guc_list_quote`). */
const LIST_SETTINGS = new Set([
  "local_preload_libraries", "search_path", "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces",
  "unix_socket_directories",
]);

/** A `proconfig` item (`name=value`) as a SET clause. */
export function setClause(item: string): string {
  const eq = item.indexOf("=");
  const name = item.slice(0, eq);
  const value = item.slice(eq + 1);
  const setting = name.split(".").map(ident).join(".");
  const values = LIST_SETTINGS.has(name.toLowerCase()) ? splitSettingList(value).map(literal) : [literal(value)];
  return `SET ${setting} TO ${values.join(", ")}`;
}

/** `SplitGUCList`: comma-separated names, double-quoted ones unescaped, case kept. */
function splitSettingList(value: string): string[] {
  const items: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < value.length && /\s/.test(value[i]!)) i++;
  };
  skipSpace();
  if (i === value.length) return items;
  for (;;) {
    let item = "";
    if (value[i] === '"') {
      for (i++; i < value.length; i++) {
        if (value[i] === '"') {
          if (value[i + 1] !== '"') break;
          i++;
        }
        item += value[i];
      }
      i++;
    } else {
      while (i < value.length && value[i] !== "," && !/\s/.test(value[i]!)) item += value[i++];
    }
    items.push(item);
    skipSpace();
    if (value[i] !== ",") return items;
    i++;
    skipSpace();
  }
}

const MODIFY = { "read-only": "READ_ONLY", shareable: "SHAREABLE", "read-write": "READ_WRITE" } as const;

function createAggregate(r: RoutineFields): string {
  const a = r.aggregate;
  if (a === undefined) throw new Error(`aggregate ${qname(r)} has no aggregate details`);
  const options = aggregateOptions(a);
  if (r.parallel !== "unsafe") options.push(`PARALLEL = ${r.parallel.toUpperCase()}`);
  if (a.kind === "hypothetical-set") options.push("HYPOTHETICAL");
  return `CREATE AGGREGATE ${qname(r)}(${r.arguments === "" ? "*" : r.arguments}) (\n    ${options.join(",\n    ")}\n);`;
}

/** Ordered-set aggregates modify their state in the final function unless told otherwise. */
export function defaultFinalModify(kind: AggregateDetails["kind"]): AggregateDetails["finalModify"] {
  return kind === "normal" ? "read-only" : "read-write";
}

function aggregateOptions(a: AggregateDetails): string[] {
  const options = [`SFUNC = ${a.stateFunction}`, `STYPE = ${a.stateType}`];
  const add = (condition: unknown, text: string): void => {
    if (condition !== undefined && condition !== false) options.push(text);
  };
  add(a.stateSpace, `SSPACE = ${a.stateSpace}`);
  add(a.finalFunction, `FINALFUNC = ${a.finalFunction}`);
  add(a.finalExtra, "FINALFUNC_EXTRA");
  add(a.finalModify, `FINALFUNC_MODIFY = ${a.finalModify && MODIFY[a.finalModify]}`);
  add(a.combineFunction, `COMBINEFUNC = ${a.combineFunction}`);
  add(a.serialFunction, `SERIALFUNC = ${a.serialFunction}`);
  add(a.deserialFunction, `DESERIALFUNC = ${a.deserialFunction}`);
  add(a.initialValue, `INITCOND = ${literal(a.initialValue ?? "")}`);
  add(a.movingStateFunction, `MSFUNC = ${a.movingStateFunction}`);
  add(a.movingInverseFunction, `MINVFUNC = ${a.movingInverseFunction}`);
  add(a.movingStateType, `MSTYPE = ${a.movingStateType}`);
  add(a.movingStateSpace, `MSSPACE = ${a.movingStateSpace}`);
  add(a.movingFinalFunction, `MFINALFUNC = ${a.movingFinalFunction}`);
  add(a.movingFinalExtra, "MFINALFUNC_EXTRA");
  add(a.movingFinalModify, `MFINALFUNC_MODIFY = ${a.movingFinalModify && MODIFY[a.movingFinalModify]}`);
  add(a.movingInitialValue, `MINITCOND = ${literal(a.movingInitialValue ?? "")}`);
  add(a.sortOperator, `SORTOP = OPERATOR(${a.sortOperator})`);
  return options;
}
