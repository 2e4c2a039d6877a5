import type { SequenceOptions } from "./model.js";

/** The values of PostgreSQL's integer types, which are also the types a sequence may be declared `AS`. */
export const INTEGER_RANGE: Readonly<Record<SequenceOptions["dataType"], readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};
