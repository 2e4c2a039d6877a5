import { createGenerator } from "ts-json-schema-generator";

/** The JSON Schema of a snapshot, generated from `src/catalog/model.ts` so the two cannot drift. */
export function catalogJsonSchema(): string {
  const schema = createGenerator({
    path: new URL("../src/catalog/model.ts", import.meta.url).pathname,
    tsconfig: new URL("../tsconfig.json", import.meta.url).pathname,
    type: "Catalog",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema("Catalog");
  return `${JSON.stringify(
    { ...schema, $id: "https://github.com/pg-schema/pg-schema/schema/catalog.schema.json", title: "pg-schema catalog snapshot" },
    null,
    2,
  )}\n`;
}
