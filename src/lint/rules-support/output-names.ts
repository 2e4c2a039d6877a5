import type { Node } from "../statements.js";

/** An output column of a query, named as PostgreSQL names it (FigureColname in parse_target.c). */
export interface OutputName {
  /** `undefined` when this analysis cannot tell (a `*`, an expression kind it does not name). */
  readonly name: string | undefined;
  readonly location: number | undefined;
}

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: "current_date", SVFOP_CURRENT_TIME: "current_time", SVFOP_CURRENT_TIME_N: "current_time",
  SVFOP_CURRENT_TIMESTAMP: "current_timestamp", SVFOP_CURRENT_TIMESTAMP_N: "current_timestamp", SVFOP_LOCALTIME: "localtime",
  SVFOP_LOCALTIME_N: "localtime", SVFOP_LOCALTIMESTAMP: "localtimestamp", SVFOP_LOCALTIMESTAMP_N: "localtimestamp",
  SVFOP_CURRENT_ROLE: "current_role", SVFOP_CURRENT_USER: "current_user", SVFOP_USER: "user", SVFOP_SESSION_USER: "session_user",
  SVFOP_CURRENT_CATALOG: "current_catalog", SVFOP_CURRENT_SCHEMA: "current_schema",
};

/** Expression kinds PostgreSQL names `?column?`. */
const UNNAMED = new Set(["A_Const", "BoolExpr", "NullTest", "BooleanTest", "ParamRef"]);

const last = (list: unknown): string | undefined => {
  const item = (list as Node[] | undefined)?.at(-1);
  return (item?.String as Node | undefined)?.sval as string | undefined;
};

/** [name, strength]: 2 a sure name, 1 a fallback (`case`, a type name), 0 `?column?`; undefined when unknown. */
function figure(node: Node | undefined): [string, number] | undefined {
  if (!node) return undefined;
  const [kind, n] = Object.entries(node)[0] as [string, Node];
  switch (kind) {
    case "ColumnRef": {
      const name = last(n.fields);
      return name === undefined ? undefined : [name, 2];
    }
    case "A_Indirection": {
      const name = last(n.indirection);
      return name !== undefined ? [name, 2] : figure(n.arg as Node);
    }
    case "FuncCall": {
      const name = last(n.funcname);
      return name === undefined ? undefined : [name, 2];
    }
    case "A_Expr":
      return n.kind === "AEXPR_NULLIF" ? ["nullif", 2] : ["?column?", 0];
    case "TypeCast": {
      const inner = figure(n.arg as Node);
      if (inner === undefined || inner[1] > 0) return inner;
      const type = last((n.typeName as Node).names);
      return type === undefined ? inner : [type, 1];
    }
    case "CollateClause":
      return figure(n.arg as Node);
    case "GroupingFunc":
      return ["grouping", 2];
    case "SubLink": {
      if (n.subLinkType === "EXISTS_SUBLINK") return ["exists", 2];
      if (n.subLinkType === "ARRAY_SUBLINK") return ["array", 2];
      if (n.subLinkType !== "EXPR_SUBLINK") return ["?column?", 0];
      const first = (((n.subselect as Node).SelectStmt as Node | undefined)?.targetList as Node[] | undefined)?.[0]?.ResTarget as Node | undefined;
      if (!first) return undefined;
      return first.name ? [first.name as string, 2] : figure(first.val as Node);
    }
    case "CaseExpr": {
      const inner = figure(n.defresult as Node | undefined);
      return inner !== undefined && inner[1] > 1 ? inner : n.defresult && inner === undefined ? undefined : ["case", 1];
    }
    case "A_ArrayExpr":
      return ["array", 1];
    case "RowExpr":
      return ["row", 1];
    case "CoalesceExpr":
      return ["coalesce", 2];
    case "MinMaxExpr":
      return [n.op === "IS_GREATEST" ? "greatest" : "least", 2];
    case "SQLValueFunction": {
      const name = SQL_VALUE_FUNCTIONS[n.op as string];
      return name === undefined ? undefined : [name, 2];
    }
    default:
      return UNNAMED.has(kind) ? ["?column?", 0] : undefined;
  }
}

/**
 * The output columns of a SELECT (the first branch of a set operation), named as PostgreSQL would; `overrides` (a
 * view's or CREATE TABLE AS' column list) rename the first ones. Undefined for VALUES (column1, column2, … never clash).
 */
export function outputNames(select: Node | undefined, overrides: readonly string[] = []): OutputName[] | undefined {
  let s = select;
  while (s && s.op && s.op !== "SETOP_NONE") s = s.larg as Node;
  if (!s?.targetList) return undefined;
  return ((s.targetList as Node[]).map((t) => t.ResTarget as Node)).map((t, i) => {
    const location = t.location as number | undefined;
    if (i < overrides.length) return { name: overrides[i], location };
    if (t.name) return { name: t.name as string, location };
    const val = t.val as Node;
    if (val && (val.ColumnRef as Node | undefined)?.fields && ((val.ColumnRef as Node).fields as Node[]).some((f) => f.A_Star)) return { name: undefined, location };
    return { name: figure(val)?.[0], location };
  });
}
