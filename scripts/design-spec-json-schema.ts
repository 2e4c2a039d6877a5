import { z } from "zod";
import { specSchema } from "../src/design/spec/spec-schema.js";

/** The JSON Schema of a design spec, generated from the zod schema that validates specs, so the two cannot drift. */
export function designSpecJsonSchema(): string {
  const schema = z.toJSONSchema(specSchema, { io: "input" });
  return `${JSON.stringify(
    { ...schema, $id: "https://github.com/pg-schema/pg-schema/schema/design-spec.schema.json", title: "pg-schema design spec" },
    null,
    2,
  )}\n`;
}
