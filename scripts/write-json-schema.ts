import { mkdirSync, writeFileSync } from "node:fs";
import { catalogJsonSchema } from "./catalog-json-schema.js";
import { designSpecJsonSchema } from "./design-spec-json-schema.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(new URL("../schema/catalog.schema.json", import.meta.url), catalogJsonSchema());
console.log("wrote schema/catalog.schema.json");
writeFileSync(new URL("../schema/design-spec.schema.json", import.meta.url), designSpecJsonSchema());
console.log("wrote schema/design-spec.schema.json");
