import { defineRule } from "../rule.js";

/** Last words that end in `s` but are singular (or the same in both numbers). */
const SINGULAR_S = new Set(["analysis", "basis", "axis", "crisis", "thesis", "bus", "campus", "census", "corpus", "virus", "alias", "atlas", "canvas", "gas", "bonus", "lens", "process", "address", "access", "class", "business", "progress", "success", "chess", "glass", "stats", "sms", "dns", "os", "gps", "bis", "plus", "focus", "radius", "apparatus", "nexus", "consensus", "genus", "syllabus", "prospectus", "iris", "tennis", "physics", "mathematics", "economics", "analytics", "metrics", "logistics", "ethics", "politics", "graphics", "electronics"]);
/** Plural words that do not end in `s`. */
const PLURAL_IRREGULAR = new Set(["people", "children", "men", "women", "data", "media", "criteria", "phenomena", "feet", "teeth", "mice", "geese", "indices", "matrices", "vertices", "alumni", "fungi", "cacti", "radii"]);
/** Words the same in both numbers: no evidence either way. */
const INVARIANT = new Set(["sheep", "fish", "deer", "information", "equipment", "metadata", "staff", "feedback", "software", "hardware", "audit", "history", "inventory", "config", "settings", "status", "news", "series", "species"]);

/** `plural`, `singular`, or undefined when the last word of the name tells nothing. */
export function inflection(name: string): "plural" | "singular" | undefined {
  const word = name.toLowerCase().split(/[^a-z]+/).filter(Boolean).at(-1);
  if (!word || word.length < 3 || INVARIANT.has(word)) return undefined;
  if (PLURAL_IRREGULAR.has(word)) return "plural";
  if (SINGULAR_S.has(word) || /(ss|us|is|ics)$/.test(word)) return "singular";
  return word.endsWith("s") ? "plural" : "singular";
}

export default defineRule({
  id: "table-name-inflection",
  severity: "info",
  docs: {
    summary: "Table names of one schema that mix singular and plural (`user`, `orders`): the ones in the minority are flagged.",
    why: "With both styles in one schema every query, join and ORM mapping starts with a guess (`order` or `orders`?), and the guess fails at run time. Names whose last word reads the same in both numbers (`staff`, `metadata`, `status`, `series`) are left out.",
    fix: "Pick the style most tables use and rename the others (`ALTER TABLE … RENAME TO …`: catalog only, but queries change with it).",
  },
  schema: (catalog) => {
    const bySchema = new Map<string, { name: string; form: "plural" | "singular" }[]>();
    for (const t of catalog.tables) {
      if (t.partitionOf) continue;
      const form = inflection(t.name);
      if (form) bySchema.set(t.schema, [...(bySchema.get(t.schema) ?? []), { name: t.name, form }]);
    }
    return [...bySchema].flatMap(([schema, tables]) => {
      const plural = tables.filter((t) => t.form === "plural").length;
      const singular = tables.length - plural;
      if (plural === 0 || singular === 0) return [];
      // The minority is flagged; on a tie, the plural names (PostgreSQL's own catalogs are singular: pg_class, pg_index).
      const odd: "plural" | "singular" = plural <= singular ? "plural" : "singular";
      return tables
        .filter((t) => t.form === odd)
        .map((t) => ({
          message: `table ${schema}.${t.name} has a ${odd} name where ${odd === "plural" ? singular : plural} of ${tables.length} tables of ${schema} are ${odd === "plural" ? "singular" : "plural"}`,
          object: `${schema}.${t.name}`,
        }));
    });
  },
});
