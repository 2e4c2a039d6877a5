/**
 * The catalog model: one typed, readonly picture of a database schema. Every source (live database, SQL files,
 * snapshot, later design specs) ends here, and every feature (plan, lint, advice, report) is a function over it.
 *
 * Conventions, so that two equal schemas give byte-equal JSON:
 * - Names are stored raw (unquoted, case as in the catalog). Qualified references are `{ schema, name }` or, for
 *   types and expressions, PostgreSQL's own text printed with an empty `search_path` (so always schema-qualified
 *   outside `pg_catalog`).
 * - Optional properties are absent when they hold the default (no comment, default privileges, default option).
 * - Top-level lists are sorted by identity (see `canonical.ts`); inner lists keep PostgreSQL's meaningful order
 *   (columns by position, enum labels, index keys) or are sorted when order carries no meaning (grants, options).
 * - Expressions and definitions are PostgreSQL's deparsed text (`pg_get_expr`, `pg_get_constraintdef`, …), so
 *   the engine, not us, decides what is equal.
 */

/** Bumped whenever a snapshot written by an older build would be read wrongly. */
export const CATALOG_FORMAT_VERSION = 1 as const;

export interface Catalog {
  readonly formatVersion: typeof CATALOG_FORMAT_VERSION;
  /** Where the snapshot was read; not part of schema equality. */
  readonly server: ServerInfo;
  readonly schemas: readonly Schema[];
  readonly extensions: readonly Extension[];
  readonly collations: readonly Collation[];
  readonly types: readonly TypeDefinition[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  readonly indexes: readonly Index[];
  readonly views: readonly View[];
  readonly materializedViews: readonly MaterializedView[];
  readonly routines: readonly Routine[];
  readonly triggers: readonly Trigger[];
  readonly eventTriggers: readonly EventTrigger[];
  readonly rules: readonly Rule[];
  readonly policies: readonly Policy[];
  readonly casts: readonly Cast[];
  readonly textSearchConfigurations: readonly TextSearchConfiguration[];
  readonly textSearchDictionaries: readonly TextSearchDictionary[];
  readonly foreignServers: readonly ForeignServer[];
  readonly defaultPrivileges: readonly DefaultPrivilege[];
  /** Edges "from needs to": both ends are ids (see `object-id.ts`) of objects in this catalog. */
  readonly dependencies: readonly Dependency[];
  /** Objects in the inspected schemas of a kind this model does not cover: reported, never silently dropped. */
  readonly unmodeled: readonly UnmodeledObject[];
}

export interface ServerInfo {
  /** `server_version_num`, e.g. 150020 or 180006. */
  readonly versionNum: number;
}

/** A schema-qualified name. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/** A role name; `PUBLIC` stands for the pseudo-role of everyone. */
export type RoleName = string;

export type Privilege =
  | "SELECT"
  | "INSERT"
  | "UPDATE"
  | "DELETE"
  | "TRUNCATE"
  | "REFERENCES"
  | "TRIGGER"
  | "MAINTAIN"
  | "USAGE"
  | "CREATE"
  | "EXECUTE"
  | "CONNECT"
  | "TEMPORARY"
  | "SET"
  | "ALTER SYSTEM";

/** One privilege held by one grantee. */
export interface Grant {
  readonly grantee: RoleName;
  readonly privilege: Privilege;
  /** WITH GRANT OPTION */
  readonly grantable: boolean;
  /** Only when the grantor is not the object's owner. */
  readonly grantor?: RoleName;
}

/** Fields every owned object carries. `acl` is absent when the object has its built-in default privileges. */
export interface Owned {
  readonly owner: RoleName;
  readonly comment?: string;
  readonly acl?: readonly Grant[];
}

export interface Schema extends Owned {
  readonly name: string;
}

export interface Extension {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
  /** Only when it differs from the control file's comment (which CREATE EXTENSION sets); `""` when removed. */
  readonly comment?: string;
}

export interface Collation extends QualifiedName {
  readonly owner: RoleName;
  readonly provider: "libc" | "icu" | "builtin";
  /** ICU / builtin locale, or libc LC_COLLATE when it equals LC_CTYPE. */
  readonly locale?: string;
  readonly lcCollate?: string;
  readonly lcCtype?: string;
  readonly deterministic: boolean;
  /** ICU tailoring rules (PostgreSQL 16+). */
  readonly rules?: string;
  readonly comment?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

export type TypeDefinition = EnumType | DomainType | CompositeType | RangeType;

export interface EnumType extends QualifiedName, Owned {
  readonly kind: "enum";
  /** In sort order (`enumsortorder`). */
  readonly labels: readonly string[];
}

export interface DomainType extends QualifiedName, Owned {
  readonly kind: "domain";
  /** `format_type` of the base type, with typmod. */
  readonly baseType: string;
  /** Qualified collation name, only when it differs from the base type's. */
  readonly collation?: string;
  readonly default?: string;
  readonly notNull: boolean;
  /**
   * PostgreSQL 17+ names a domain's NOT NULL constraint; recorded only when its name is not the default
   * (`<domain>_not_null`) or it has a comment.
   */
  readonly notNullConstraint?: { readonly name: string; readonly comment?: string };
  /** CHECK constraints, sorted by name. */
  readonly constraints: readonly DomainConstraint[];
}

export interface DomainConstraint {
  readonly name: string;
  /** `pg_get_constraintdef` without its ` NOT VALID` suffix, e.g. `CHECK ((VALUE > 0))`. */
  readonly definition: string;
  readonly notValid?: true;
  readonly comment?: string;
}

export interface CompositeType extends QualifiedName, Owned {
  readonly kind: "composite";
  readonly attributes: readonly CompositeAttribute[];
}

export interface CompositeAttribute {
  readonly name: string;
  readonly type: string;
  readonly collation?: string;
  readonly comment?: string;
}

export interface RangeType extends QualifiedName, Owned {
  readonly kind: "range";
  readonly subtype: string;
  /** Only when not the subtype's default B-tree operator class; qualified, e.g. `pg_catalog.text_pattern_ops`. */
  readonly subtypeOpclass?: string;
  /** Qualified collation, only when it differs from the subtype's. */
  readonly collation?: string;
  /** Qualified function signature (`regprocedure` text, schema always written), e.g. `public.f(public.r)`. */
  readonly canonical?: string;
  readonly subtypeDiff?: string;
  /** The multirange type (PostgreSQL 14+), only when not the name PostgreSQL derives from the range's. */
  readonly multirange?: QualifiedName;
}

// ---------------------------------------------------------------------------------------------------------------
// Sequences

export interface SequenceOptions {
  readonly dataType: "smallint" | "integer" | "bigint";
  /** int8 values travel as decimal strings: JSON numbers lose precision above 2^53. */
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface Sequence extends QualifiedName, Owned, SequenceOptions {
  readonly unlogged?: true;
  /** `OWNED BY`: dropped together with this column. */
  readonly ownedBy?: { readonly table: QualifiedName; readonly column: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

export interface Table extends QualifiedName, Owned {
  readonly unlogged?: true;
  /** By position (`attnum`); dropped columns are not listed. */
  readonly columns: readonly Column[];
  /** PK, UNIQUE, CHECK, FK and EXCLUDE constraints declared on this table (clones on partitions excluded), by name. */
  readonly constraints: readonly TableConstraint[];
  /** Set on a partitioned table. */
  readonly partitioning?: Partitioning;
  /** Set on a partition. */
  readonly partitionOf?: PartitionBound;
  /** Parents by classic inheritance, in `inhseqno` order (not partitions). */
  readonly inherits?: readonly QualifiedName[];
  /** Absent means `default` (the primary key). */
  readonly replicaIdentity?: "nothing" | "full" | { readonly index: string };
  /** `reloptions`, e.g. `fillfactor=70`, sorted. */
  readonly storageParameters?: readonly string[];
  readonly accessMethod?: string;
  readonly tablespace?: string;
  readonly rowLevelSecurity?: true;
  readonly forceRowLevelSecurity?: true;
  /** Set on a foreign table. */
  readonly foreign?: ForeignTableOptions;
  /** A typed table (`CREATE TABLE … OF type`): its columns come from this composite type. */
  readonly ofType?: QualifiedName;
}

export interface Partitioning {
  readonly strategy: "range" | "list" | "hash";
  /** `pg_get_partkeydef`, e.g. `RANGE (payment_date)`. */
  readonly key: string;
}

export interface PartitionBound {
  readonly parent: QualifiedName;
  /** `pg_get_expr(relpartbound)`: `FOR VALUES …` or `DEFAULT`. */
  readonly bound: string;
}

export interface ForeignTableOptions {
  readonly server: string;
  /** `key=value`, as stored. */
  readonly options?: readonly string[];
}

export interface Column {
  readonly name: string;
  /** `format_type(atttypid, atttypmod)`, e.g. `character varying(255)`, `public.mood[]`. */
  readonly type: string;
  /** Qualified collation, only when it differs from the type's default. */
  readonly collation?: string;
  readonly notNull: boolean;
  /**
   * PostgreSQL 18 names NOT NULL constraints; recorded only when they differ from what a plain `NOT NULL` gives
   * (a non-default name, NO INHERIT, NOT VALID, a comment). The default name is `<table>_<column>_not_null`, or for
   * a column the table does not declare itself (every partition column, a child's inherited one) the name of the
   * parent's constraint on it.
   */
  readonly notNullConstraint?: {
    readonly name: string;
    readonly noInherit?: true;
    readonly notValid?: true;
    readonly comment?: string;
  };
  /**
   * Classic inheritance only: the column comes from the parents and is not declared by this table itself
   * (`attislocal` false), so `CREATE TABLE … INHERITS` leaves it out. Never set on partitions.
   */
  readonly inherited?: true;
  /** `pg_get_expr(adbin)`; absent for generated columns (see `generated`). */
  readonly default?: string;
  readonly generated?: { readonly kind: "stored" | "virtual"; readonly expression: string };
  readonly identity?: Identity;
  /** Only when it differs from the type's default storage. */
  readonly storage?: "plain" | "external" | "extended" | "main";
  readonly compression?: string;
  /** `ALTER COLUMN … SET STATISTICS`, only when set. */
  readonly statistics?: number;
  /** `attoptions`, e.g. `n_distinct=100`, sorted. */
  readonly options?: readonly string[];
  /** Foreign-table column options. */
  readonly fdwOptions?: readonly string[];
  readonly comment?: string;
  /** Column-level grants. */
  readonly acl?: readonly Grant[];
}

export interface Identity extends SequenceOptions {
  readonly generation: "always" | "by default";
  /** The implicit sequence's name (same schema as the table). */
  readonly sequenceName: string;
  /** Privileges on the implicit sequence (owned by the table's owner), absent when the default. */
  readonly acl?: readonly Grant[];
}

export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

interface ConstraintBase {
  readonly name: string;
  /** `pg_get_constraintdef`: the canonical text after `ADD CONSTRAINT name`. */
  readonly definition: string;
  readonly deferrable?: true;
  readonly initiallyDeferred?: true;
  /** Added NOT VALID and not yet validated. */
  readonly notValid?: true;
  /** `NOT ENFORCED` CHECK or FOREIGN KEY (PostgreSQL 18+). */
  readonly notEnforced?: true;
  readonly comment?: string;
}

export interface PrimaryKeyConstraint extends ConstraintBase {
  readonly kind: "primary-key";
  readonly columns: readonly string[];
  readonly include?: readonly string[];
  /** The backing index (same schema as the table). */
  readonly index: string;
}

export interface UniqueConstraint extends ConstraintBase {
  readonly kind: "unique";
  readonly columns: readonly string[];
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: true;
  readonly index: string;
}

export interface CheckConstraint extends ConstraintBase {
  readonly kind: "check";
  /** The boolean expression inside `CHECK (…)`. */
  readonly expression: string;
  readonly noInherit?: true;
}

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly kind: "foreign-key";
  readonly columns: readonly string[];
  readonly references: { readonly table: QualifiedName; readonly columns: readonly string[] };
  readonly match: "simple" | "full" | "partial";
  readonly onUpdate: ReferentialAction;
  readonly onDelete: ReferentialAction;
  /** `ON DELETE SET NULL (a, b)` (PostgreSQL 15+). */
  readonly onDeleteColumns?: readonly string[];
}

export interface ExcludeConstraint extends ConstraintBase {
  readonly kind: "exclude";
  readonly index: string;
}

export type TableConstraint =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | CheckConstraint
  | ForeignKeyConstraint
  | ExcludeConstraint;

// ---------------------------------------------------------------------------------------------------------------
// Indexes

export interface Index extends QualifiedName {
  /** The table or materialized view indexed (always in the index's schema). */
  readonly table: QualifiedName;
  /** Access method: btree, hash, gin, gist, spgist, brin, or an extension's. */
  readonly method: string;
  readonly unique: boolean;
  readonly nullsNotDistinct?: true;
  readonly keys: readonly IndexKey[];
  /** INCLUDE columns. */
  readonly include?: readonly string[];
  /** The WHERE clause of a partial index. */
  readonly predicate?: string;
  readonly storageParameters?: readonly string[];
  /** Name of the constraint this index implements (PK, UNIQUE, EXCLUDE); such indexes are created by it. */
  readonly constraint?: string;
  /** On a partition: the partitioned index this one is attached to. */
  readonly partitionOf?: QualifiedName;
  /** `CLUSTER … USING` this index. */
  readonly clustered?: true;
  /** `indisvalid = false`: a failed concurrent build, or a partitioned index missing partitions. */
  readonly invalid?: true;
  readonly tablespace?: string;
  /** `pg_get_indexdef`: the whole `CREATE INDEX` statement. */
  readonly definition: string;
  readonly comment?: string;
}

export interface IndexKey {
  /** A plain column, or … */
  readonly column?: string;
  /** … an expression (`pg_get_indexdef(oid, n, false)`). */
  readonly expression?: string;
  /** Only when not the type's default operator class. */
  readonly opclass?: string;
  readonly opclassOptions?: readonly string[];
  /** Only when not the column's own collation. */
  readonly collation?: string;
  readonly descending?: true;
  /** Only when not the default for the direction (NULLS LAST for ASC, NULLS FIRST for DESC). */
  readonly nullsFirst?: boolean;
  /** `ALTER INDEX … ALTER COLUMN n SET STATISTICS` (expression keys), only when set. */
  readonly statistics?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Views

export interface RelationColumn {
  readonly name: string;
  readonly type: string;
  /** `ALTER VIEW … ALTER COLUMN … SET DEFAULT`. */
  readonly default?: string;
  readonly comment?: string;
  readonly acl?: readonly Grant[];
}

export interface View extends QualifiedName, Owned {
  /** `pg_get_viewdef`: the SELECT. */
  readonly definition: string;
  readonly columns: readonly RelationColumn[];
  readonly checkOption?: "local" | "cascaded";
  readonly securityBarrier?: true;
  readonly securityInvoker?: true;
  /** Other `reloptions`, sorted. */
  readonly storageParameters?: readonly string[];
  /** `CREATE RECURSIVE VIEW` is stored as an ordinary view with a recursive CTE; nothing to keep. */
}

export interface MaterializedView extends QualifiedName, Owned {
  readonly definition: string;
  readonly columns: readonly RelationColumn[];
  /** false after `WITH NO DATA` until refreshed. */
  readonly populated: boolean;
  readonly storageParameters?: readonly string[];
  readonly accessMethod?: string;
  readonly tablespace?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Routines

export type Volatility = "immutable" | "stable" | "volatile";

export interface Routine extends QualifiedName, Owned {
  readonly kind: "function" | "procedure" | "aggregate" | "window";
  /**
   * `pg_get_function_identity_arguments`: the part of the signature that identifies it. Built from the catalog
   * columns like PostgreSQL 14+ prints it (procedures mark IN arguments), names quoted by `ident` so the text is the
   * same on every server version (PostgreSQL 15 leaves a parameter named `json` bare).
   */
  readonly identityArguments: string;
  /** `pg_get_function_arguments`: with names, modes and defaults; built the same way. */
  readonly arguments: string;
  /** `pg_get_function_result` (`SETOF x`, `TABLE(…)`), built the same way; absent for procedures. */
  readonly returns?: string;
  readonly language: string;
  readonly volatility: Volatility;
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: "safe" | "restricted" | "unsafe";
  readonly cost: number;
  /** Set-returning functions only, when not the default 1000. */
  readonly rows?: number;
  /** `SET` clauses (`proconfig`), e.g. `search_path=pg_catalog, public`. */
  readonly config?: readonly string[];
  /** Functions that transform argument types (`TRANSFORM FOR TYPE`), qualified type names. */
  readonly transforms?: readonly string[];
  /** Qualified name of the planner support function (`SUPPORT`). */
  readonly support?: string;
  /** The body: `prosrc`, or the SQL-standard body (`BEGIN ATOMIC … END` / `RETURN …`, PostgreSQL 14+). */
  readonly body: string;
  /** The body is SQL-standard (`pg_get_function_sqlbody`), not a string literal. */
  readonly sqlStandardBody?: true;
  /** `probin` of a C function: `AS 'objectFile', 'body'`. */
  readonly objectFile?: string;
  /**
   * The `CREATE FUNCTION` / `PROCEDURE` / `AGGREGATE` statement built from the fields above (not
   * `pg_get_functiondef`, whose quoting depends on the server version), so equal routines have equal text.
   */
  readonly definition: string;
  readonly aggregate?: AggregateDetails;
}

/** Function references are qualified names (schema always written); types are `format_type` text. */
export interface AggregateDetails {
  readonly kind: "normal" | "ordered-set" | "hypothetical-set";
  readonly stateFunction: string;
  readonly stateType: string;
  readonly stateSpace?: number;
  readonly finalFunction?: string;
  readonly finalExtra?: true;
  readonly finalModify?: "read-only" | "shareable" | "read-write";
  readonly combineFunction?: string;
  readonly serialFunction?: string;
  readonly deserialFunction?: string;
  readonly initialValue?: string;
  readonly movingStateFunction?: string;
  readonly movingInverseFunction?: string;
  readonly movingStateType?: string;
  readonly movingStateSpace?: number;
  readonly movingFinalFunction?: string;
  readonly movingFinalExtra?: true;
  readonly movingFinalModify?: "read-only" | "shareable" | "read-write";
  readonly movingInitialValue?: string;
  /** Qualified operator name, e.g. `pg_catalog.>`. */
  readonly sortOperator?: string;
  /** Ordered-set aggregates: how many arguments come before `ORDER BY`. */
  readonly directArgumentCount?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Triggers, rules, policies

export type TriggerEvent = "insert" | "update" | "delete" | "truncate";

export interface Trigger {
  readonly table: QualifiedName;
  readonly name: string;
  readonly function: QualifiedName;
  /** Literal arguments passed to the function. */
  readonly arguments?: readonly string[];
  readonly timing: "before" | "after" | "instead of";
  /** In the order insert, update, delete, truncate. */
  readonly events: readonly TriggerEvent[];
  /** `UPDATE OF a, b`. */
  readonly updateColumns?: readonly string[];
  readonly level: "row" | "statement";
  readonly when?: string;
  /** A constraint trigger (`CREATE CONSTRAINT TRIGGER`). */
  readonly constraint?: {
    readonly deferrable: boolean;
    readonly initiallyDeferred: boolean;
    readonly referencedTable?: QualifiedName;
  };
  readonly oldTable?: string;
  readonly newTable?: string;
  /** Absent means enabled (`origin`). */
  readonly enabled?: "disabled" | "replica" | "always";
  /** `pg_get_triggerdef`. */
  readonly definition: string;
  readonly comment?: string;
}

export interface EventTrigger {
  readonly name: string;
  readonly owner: RoleName;
  readonly event: string;
  /** `WHEN TAG IN (…)`, sorted. */
  readonly tags?: readonly string[];
  readonly function: QualifiedName;
  readonly enabled?: "disabled" | "replica" | "always";
  readonly comment?: string;
}

export interface Rule {
  readonly table: QualifiedName;
  readonly name: string;
  readonly event: "select" | "insert" | "update" | "delete";
  readonly instead: boolean;
  /** `pg_get_ruledef`: the whole `CREATE RULE` statement. */
  readonly definition: string;
  readonly enabled?: "disabled" | "replica" | "always";
  readonly comment?: string;
}

export interface Policy {
  readonly table: QualifiedName;
  readonly name: string;
  readonly command: "all" | "select" | "insert" | "update" | "delete";
  readonly permissive: boolean;
  /** Sorted; `PUBLIC` when the policy applies to everyone. */
  readonly roles: readonly RoleName[];
  readonly using?: string;
  readonly withCheck?: string;
  readonly comment?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Database-level objects that schemas rely on

export interface Cast {
  readonly source: string;
  readonly target: string;
  readonly method: "function" | "inout" | "binary";
  /** `regprocedure` text of the cast function, schema always written, e.g. `public.color(json)`. */
  readonly function?: string;
  readonly context: "explicit" | "assignment" | "implicit";
  readonly comment?: string;
}

export interface TextSearchConfiguration extends QualifiedName {
  readonly owner: RoleName;
  /** Qualified parser name. */
  readonly parser: string;
  /** In the parser's token type order; dictionaries (qualified) in the order they are consulted. */
  readonly mappings: readonly { readonly tokenType: string; readonly dictionaries: readonly string[] }[];
  readonly comment?: string;
}

export interface TextSearchDictionary extends QualifiedName {
  readonly owner: RoleName;
  /** Qualified template name. */
  readonly template: string;
  /** `dictinitoption` as stored, e.g. `language = 'english', stopwords = 'english'`. */
  readonly options?: string;
  readonly comment?: string;
}

export interface ForeignServer extends Owned {
  readonly name: string;
  readonly wrapper: string;
  readonly type?: string;
  readonly version?: string;
  /** `key=value`, as stored, sorted. */
  readonly options?: readonly string[];
}

export interface DefaultPrivilege {
  /** The role whose future objects get these privileges. */
  readonly role: RoleName;
  /** Absent: every schema. */
  readonly schema?: string;
  /** `large objects`: PostgreSQL 18+. */
  readonly objectType: "tables" | "sequences" | "functions" | "types" | "schemas" | "large objects";
  /**
   * The privileges as stored (not a difference from the built-in default). For every schema (`schema` absent) they
   * are the full privileges new objects get, replacing the built-in default; for one schema they are added to those.
   */
  readonly grants: readonly Grant[];
}

// ---------------------------------------------------------------------------------------------------------------
// Graph and honesty

export interface Dependency {
  readonly from: ObjectId;
  readonly to: ObjectId;
}

/** See `object-id.ts`: `kind:qualified.identity`, e.g. `table:public.users`, `column:public.users.email`. */
export type ObjectId = string;

export interface UnmodeledObject {
  /** `pg_identify_object(...).type`, e.g. `operator`, `publication`, `statistics object`. */
  readonly kind: string;
  /** `pg_identify_object(...).identity`. */
  readonly identity: string;
  readonly schema?: string;
}
