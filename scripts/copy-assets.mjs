// The catalog queries are .sql files read at run time; tsc does not copy them.
import { cpSync } from "node:fs";
cpSync(new URL("../src/catalog/queries/", import.meta.url), new URL("../dist/catalog/queries/", import.meta.url), { recursive: true });
