import type { Catalog } from "../../catalog/model.js";

export interface DdlOptions {
  /** Emit `ALTER … OWNER TO` (default true). Off when the target database lacks the roles. */
  readonly owners?: boolean;
  /** Emit GRANT / REVOKE and ALTER DEFAULT PRIVILEGES (default true). */
  readonly privileges?: boolean;
}

/** What a generator of one object kind may look at besides its own objects. */
export interface DdlContext {
  readonly catalog: Catalog;
  readonly owners: boolean;
  readonly privileges: boolean;
}
